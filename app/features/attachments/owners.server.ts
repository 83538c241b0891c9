// Every capability that owns files registers how to check them when its
// module loads; the download route imports this list so that none is missing.
import "~/features/threads/comments.server.ts";
import "~/features/specs/access.server.ts";
