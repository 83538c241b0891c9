import { Trans } from "@lingui/react";
import type { ReactElement } from "react";
import { type MessageKey, type MessageValues, type Namespace, useT } from "./translate.ts";

/**
 * A message with elements inside it: `<0>sign up again</0>` in the catalogue becomes the
 * element given as `components[0]`, wrapped around the translated words, so a link or a bold
 * name sits wherever the language puts it rather than being glued on in English order.
 */
export function RichText<N extends Namespace>({
  namespace,
  id,
  values,
  components,
}: {
  namespace: N;
  id: MessageKey<N>;
  values?: MessageValues;
  components: Record<number, ReactElement>;
}) {
  useT(namespace); // waits for the namespace, as any translated text does
  return <Trans id={`${namespace}:${id}`} values={values} components={components} />;
}
