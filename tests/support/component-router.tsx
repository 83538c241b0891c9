// Components that use Remix's router hooks (a fetcher, a blocker) rendered in a memory router,
// with rerender still swapping the component's props.
import { createContext, useContext, useState, type ReactNode } from "react";
import { createMemoryRouter, RouterProvider, type ActionFunction } from "react-router-dom";
import type { Language } from "~/lib/i18n/languages.ts";
import { InLanguage } from "./i18n.tsx";

const Slot = createContext<ReactNode>(null);
const SlotContent = () => <>{useContext(Slot)}</>;

/** A `wrapper` for testing-library's render: the page at `/` whose action is `action` (nothing, by default). */
export function routerWrapper(action: ActionFunction = () => null, language: Language = "en") {
  return function InRouter({ children }: { children: ReactNode }) {
    const [router] = useState(() => createMemoryRouter([{ path: "/", element: <SlotContent />, action }], { initialEntries: ["/"] }));
    return (
      <InLanguage language={language}>
        <Slot.Provider value={children}>
          <RouterProvider router={router} future={{ v7_startTransition: true }} />
        </Slot.Provider>
      </InLanguage>
    );
  };
}
