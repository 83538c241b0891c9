/**
 * The sign-in page, and where it sends the reader afterwards. It lives in lib because the
 * session module itself sends a signed-out reader there.
 */
export const loginPath = (redirectTo?: string) => (redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login");
