// Words the server decides but the reader's screen writes: a zod or UserError message travels as
// a catalogue key with its values ("specs:errors.productCodeTaken {"productCode":"MUG-1"}"), never
// as English, and is written in the reader's language where it is shown (ErrorList, FormAlert) or
// by the server for an answer that is read as it is (translateMessage). Written by writeMessage and
// useMessageText in translate.ts.
// Pure, with no catalogue in it: lib code that also runs outside the app's build (the worker, scripts)
// can make messages; translate.ts writes them.
import type { MessageKey, Namespace } from "./translate.ts";

export type MessageValue = string | number;
export type MessageParams = Record<string, MessageValue>;

const ENCODED = /^([a-zA-Z]+):([\w.-]+)(?: (\{.*\}))?$/s;

/** A message as a string a schema, a UserError or a JSON answer can carry: its key, then its values as JSON. */
export function message<N extends Namespace>(namespace: N, key: MessageKey<N>, values?: MessageParams): string {
  return values && Object.keys(values).length ? `${namespace}:${key} ${JSON.stringify(values)}` : `${namespace}:${key}`;
}

export interface ParsedMessage {
  namespace: string;
  key: string;
  values?: MessageParams;
}

/** The key and values of a string `message()` made; null for any other text (the namespace is the reader's to check). */
export function parseMessage(text: string): ParsedMessage | null {
  const match = ENCODED.exec(text);
  if (!match) return null;
  let values: MessageParams | undefined;
  if (match[3]) {
    try {
      const parsed: unknown = JSON.parse(match[3]);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
      values = parsed as MessageParams;
    } catch {
      return null;
    }
  }
  return { namespace: match[1]!, key: match[2]!, values };
}
