// The page's script nonce, for the components that render inline scripts. It
// exists only during the server render: browsers hide a nonce from the DOM,
// so after hydration it reads "" (and the scripts have already run).
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export const useNonce = () => useContext(NonceContext);
