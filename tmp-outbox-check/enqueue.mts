import { enqueueEmail } from "~/features/notifications/outbox.server.ts";
import { connectDatabase, disconnectDatabase, prisma } from "~/lib/db.server.ts";
connectDatabase();
const key = `manual-${Date.now()}`;
await prisma.$transaction((tx) => enqueueEmail(tx, { to: "qc@factory.example", template: "member-invitation", locale: "zh", idempotencyKey: key, data: { inviterName: "Li Wei", orgName: "Bright <Ceramics> & Co", role: "QUALITY", acceptUrl: "http://127.0.0.1:3077/invitations/xyz?a=1&b=2", expiresAt: new Date(Date.now() + 7 * 864e5).toISOString() } }));
await new Promise((r) => setTimeout(r, 3000));
console.log(await prisma.outboxEmail.findUnique({ where: { idempotencyKey: key } }));
await disconnectDatabase();
