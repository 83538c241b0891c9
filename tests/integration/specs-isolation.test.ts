// Who may see and change specifications, through every spec route's loader
// and action: outsiders get 404 and learn nothing (not even the title),
// drafts never reach a factory, read-only roles get 403 on writes, and a
// published version never changes.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { zlib } from "./specs-test-helpers.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { resetEnv } from "~/lib/env.server.ts";
import * as filesRoute from "~/routes/$org.files.$attachmentId.tsx";
import * as partnersRoute from "~/routes/$org.partners.tsx";
import * as diffRoute from "~/routes/$org.specs.$specId.diff.tsx";
import * as specRoute from "~/routes/$org.specs.$specId._index.tsx";
import * as editRoute from "~/routes/$org.specs.$specId.v.$number.edit.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import * as listRoute from "~/routes/$org.specs._index.tsx";
import * as newRoute from "~/routes/$org.specs.new.tsx";
import {
  createMember,
  createPartnership,
  createSpec,
  createSpecShare,
  createSpecVersion,
  createSpecVersionFile,
  unique,
} from "../support/factories.ts";
import { call, cookieFor, type Outcome } from "../support/routes.ts";
