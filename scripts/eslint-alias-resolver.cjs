// Import resolver for eslint-plugin-boundaries (which resolves through eslint-module-utils): it knows the one path alias of
// tsconfig.json, "~/*" → "app/*", and Vite's "?url" suffix, and hands everything else to the Node resolver.
// eslint-import-resolver-typescript would do the same, but it is not among the dependencies.
const path = require("node:path");
const nodeResolver = require("eslint-import-resolver-node");

const app = path.resolve(__dirname, "../app");
const extensions = [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"];

exports.interfaceVersion = 2;

exports.resolve = function resolve(source, file, config) {
  const bare = source.replace(/\?[^/]*$/, "");
  const target = bare.startsWith("~/") ? path.join(app, bare.slice(2)) : bare;
  return nodeResolver.resolve(target, file, { extensions, ...config });
};
