// The pseudo-locale: every English message with its letters accented and the whole bracketed,
// so a test (or a person) sees at once any text on a page that did not come from a catalogue.
// ICU syntax is kept as it is: placeholders, plural and select keywords are not letters to change.
const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdeghiklmnorstuwyzABCDEGHIKLNORSTUWYZ"].map((c, i) => [c, [..."ȧƀƈḓḗɠħīķŀḿƞǿřşŧŭẇẏẑȦƁƇḒḖƓĦĪĶĿƝǾŘŞŦŬẆẎẐ"][i]!]),
);
export const PSEUDO_OPEN = "⟦";
export const PSEUDO_CLOSE = "⟧";

/** The pseudo form of an ICU message: text inside plural and select branches changes, names and keywords do not. */
export function pseudoMessage(message: string): string {
  let out = "";
  // Depth of braces, and whether the current brace holds an argument's name and type (not text).
  const stack: ("argument" | "text")[] = [];
  let quoted = false;
  for (let i = 0; i < message.length; i++) {
    const c = message[i]!;
    if (c === "'" && (message[i + 1] === "{" || message[i + 1] === "}" || message[i + 1] === "'" || quoted)) quoted = !quoted;
    if (!quoted && c === "{") {
      // A brace right after text or a branch opening starts an argument; after a selector key (`one {`), a branch's text.
      const before = out.trimEnd();
      const opensBranch = stack.at(-1) === "argument" && /[\w=]$/.test(before) && !before.endsWith("{");
      stack.push(opensBranch ? "text" : "argument");
      out += c;
      continue;
    }
    if (!quoted && c === "}") {
      stack.pop();
      out += c;
      continue;
    }
    const inText = stack.length === 0 || stack.at(-1) === "text";
    out += inText && c !== "#" ? (ACCENTED[c] ?? c) : c;
  }
  return `${PSEUDO_OPEN}${out}${PSEUDO_CLOSE}`;
}
