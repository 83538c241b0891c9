import type { ReactNode } from "react";
import { useMessageText } from "~/lib/i18n/translate.ts";

/**
 * The red banner that says why the last submission was refused: one line per message, then
 * whatever details the page adds (a list of problems, a way out). Nothing without messages. A
 * message made by message() is written in the reader's language.
 */
export function FormAlert({ messages, id, children }: { messages: readonly string[] | null | undefined; id?: string; children?: ReactNode }) {
  const say = useMessageText();
  if (!messages?.length) return null;
  return (
    <div id={id} className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" role="alert">
      {messages.map((message) => (
        <p key={message} className={children ? "font-semibold" : undefined}>
          {say(message)}
        </p>
      ))}
      {children}
    </div>
  );
}
