// Words the server decides but the reader's screen writes: a zod or UserError message travels as
// a catalogue key with its values ("specs:errors.productCodeTaken {"productCode":"MUG-1"}"), never
// as English, and is written in the reader's language where it is shown (ErrorList, FormAlert) or
// by the server for an answer that is read as it is (translateMessage).
import type { I18n } from "@lingui/core";
import { useLingui } from "@lingui/react";
import { isNamespace, type MessageKey, type Namespace, translator, useNamespace } from "./translate.ts";

export type MessageValue = string | number;
export type MessageParams = Record<string, MessageValue>;

const ENCODED = /^([a-zA-Z]+):([\w.-]+)(?: (\{.*\}))?$/s;

/** A message as a string a schema, a UserError or a JSON answer can carry: its key, then its values as JSON. */
export function message<N extends Namespace>(namespace: N, key: MessageKey<N>, values?: MessageParams): string {
  return values && Object.keys(values).length ? `${namespace}:${key} ${JSON.stringify(values)}` : `${namespace}:${key}`;
}

export interface ParsedMessage {
  namespace: Namespace;
  key: string;
  values?: MessageParams;
}

/** The key and values of a string `message()` made; null for any other text. */
export function parseMessage(text: string): ParsedMessage | null {
  const match = ENCODED.exec(text);
  if (!match || !isNamespace(match[1]!)) return null;
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
  return { namespace: match[1] as Namespace, key: match[2]!, values };
}

/** Writes a message in the language of `i18n`; any other text is shown as it is. */
export function writeMessage(i18n: I18n, text: string): string {
  const parsed = parseMessage(text);
  if (!parsed) return text;
  return translator(i18n, parsed.namespace)(parsed.key as never, parsed.values);
}

/**
 * In a component: `const say = useMessageText()`, then `say(error)`. A message of a namespace the
 * page has not loaded yet waits for it like useT does.
 */
export function useMessageText(): (text: string) => string {
  const { i18n } = useLingui();
  const ensure = useNamespace();
  return (text) => {
    const parsed = parseMessage(text);
    if (!parsed) return text;
    ensure(parsed.namespace);
    return translator(i18n, parsed.namespace)(parsed.key as never, parsed.values);
  };
}
