// Email text per locale. Many readers have English as a second language, so
// sentences stay short and literal; a missing key falls back to English.

export const locales = ["en", "es", "zh"] as const;
export type Locale = (typeof locales)[number];

const en = {
  "footer.product": "Supplier Portal",
  "footer.automatic": "This is an automatic message. Please do not reply to it.",
  "common.expires": "This invitation expires on {date}.",
  "common.linkHint": "If the button does not work, copy this link into your browser:",
  "common.ignore": "If you did not expect this email, you can ignore it.",
  "partner.subject": "{importer} invites you to Supplier Portal",
  "partner.heading": "{inviter} of {importer} invites your factory to work together on Supplier Portal.",
  "partner.body": "You can share specifications, first articles and corrective actions in one place.",
  "partner.button": "Accept invitation",
  "partner.free": "Supplier Portal is free for suppliers.",
  "member.subject": "{inviter} invites you to join {org}",
  "member.heading": "{inviter} invites you to join {org} as {role}.",
  "member.body": "Supplier Portal helps importers and factories share quality documents.",
  "member.button": "Join {org}",
  "role.OWNER": "owner",
  "role.QUALITY": "quality manager",
  "role.MEMBER": "member",
  "role.VIEWER": "viewer",
  "comment.subject": "{author} ({org}) commented on {title}",
  "comment.internalLabel": "Internal note",
  "comment.internal": "Internal note: only {org} can see this comment.",
  "comment.truncated": "This is the start of the comment. Open it to read all of it.",
  "comment.button": "Open the comment",
  "comment.why": "You receive this because you take part in this conversation.",
  "specPublished.subject": "{importer} published {title}, version {version}",
  "specPublished.heading": "{importer} published version {version} of {title}.",
  "specPublished.product": "Product code: {code}",
  "specPublished.body": "Please read it. Then acknowledge it, or ask a question if something is not clear.",
  "specPublished.button": "Open and acknowledge",
  "specPublished.diff": "See what changed",
  "specAck.subjectAcknowledged": "{factory} acknowledged {title}, version {version}",
  "specAck.subjectQueried": "{factory} has a question about {title}, version {version}",
  "specAck.question": "Their question:",
  "specAck.answer": "Answer it in the conversation on the specification page.",
  "specAck.body": "They have read this version and can make it.",
  "specAck.button": "Open the specification",
  "faSubmitted.subject": "{factory} submitted a first article for {title} (PO {po})",
  "faSubmitted.heading": "{factory} submitted round {round} of the first article for {title}, version {version}.",
  "faSubmitted.body": "PO or lot: {po}. Please review the measurements and decide.",
  "faSubmitted.button": "Review the first article",
  "faDecided.subjectApproved": "{importer} approved your first article for {title} (PO {po})",
  "faDecided.subjectConditional": "{importer} approved your first article for {title} with conditions (PO {po})",
  "faDecided.subjectRejected": "{importer} rejected round {round} of your first article for {title} (PO {po})",
  "faDecided.conditions": "The conditions:",
  "faDecided.reason": "The reason:",
  "faDecided.nextRound": "Fix the problem, then start the next round from the first article page. Your readings are copied over.",
  "faDecided.button": "See the result",
} as const;

export type MessageKey = keyof typeof en;
type Catalogue = Partial<Record<MessageKey, string>>;

const es: Catalogue = {
  "footer.product": "Supplier Portal",
  "footer.automatic": "Este es un mensaje automático. Por favor, no responda.",
  "common.expires": "Esta invitación vence el {date}.",
  "common.linkHint": "Si el botón no funciona, copie este enlace en su navegador:",
  "common.ignore": "Si no esperaba este correo, puede ignorarlo.",
  "partner.subject": "{importer} le invita a Supplier Portal",
  "partner.heading": "{inviter}, de {importer}, invita a su fábrica a trabajar juntos en Supplier Portal.",
  "partner.body": "Pueden compartir especificaciones, primeros artículos y acciones correctivas en un solo lugar.",
  "partner.button": "Aceptar la invitación",
  "partner.free": "Supplier Portal es gratis para los proveedores.",
  "member.subject": "{inviter} le invita a unirse a {org}",
  "member.heading": "{inviter} le invita a unirse a {org} como {role}.",
  "member.body": "Supplier Portal ayuda a importadores y fábricas a compartir documentos de calidad.",
  "member.button": "Unirse a {org}",
  "role.OWNER": "propietario",
  "role.QUALITY": "responsable de calidad",
  "role.MEMBER": "miembro",
  "role.VIEWER": "lector",
  "comment.subject": "{author} ({org}) comentó en {title}",
  "comment.internalLabel": "Nota interna",
  "comment.internal": "Nota interna: solo {org} puede ver este comentario.",
  "comment.truncated": "Este es el comienzo del comentario. Ábralo para leerlo completo.",
  "comment.button": "Abrir el comentario",
  "comment.why": "Recibe este correo porque participa en esta conversación.",
  "specPublished.subject": "{importer} publicó {title}, versión {version}",
  "specPublished.heading": "{importer} publicó la versión {version} de {title}.",
  "specPublished.product": "Código de producto: {code}",
  "specPublished.body": "Por favor, léala. Después confírmela, o haga una pregunta si algo no está claro.",
  "specPublished.button": "Abrir y confirmar",
  "specPublished.diff": "Ver qué cambió",
  "specAck.subjectAcknowledged": "{factory} confirmó {title}, versión {version}",
  "specAck.subjectQueried": "{factory} tiene una pregunta sobre {title}, versión {version}",
  "specAck.question": "Su pregunta:",
  "specAck.answer": "Respóndala en la conversación de la página de la especificación.",
  "specAck.body": "Han leído esta versión y pueden fabricarla.",
  "specAck.button": "Abrir la especificación",
  "faSubmitted.subject": "{factory} envió una primera muestra de {title} (PO {po})",
  "faSubmitted.heading": "{factory} envió la ronda {round} de la primera muestra de {title}, versión {version}.",
  "faSubmitted.body": "PO o lote: {po}. Revise las mediciones y decida.",
  "faSubmitted.button": "Revisar la primera muestra",
  "faDecided.subjectApproved": "{importer} aprobó su primera muestra de {title} (PO {po})",
  "faDecided.subjectConditional": "{importer} aprobó con condiciones su primera muestra de {title} (PO {po})",
  "faDecided.subjectRejected": "{importer} rechazó la ronda {round} de su primera muestra de {title} (PO {po})",
  "faDecided.conditions": "Las condiciones:",
  "faDecided.reason": "El motivo:",
  "faDecided.nextRound": "Corrija el problema y empiece la siguiente ronda desde la página de la primera muestra. Sus mediciones se copian.",
  "faDecided.button": "Ver el resultado",
};

const zh: Catalogue = {
  "footer.product": "Supplier Portal",
  "footer.automatic": "这是一封自动发送的邮件，请不要回复。",
  "common.expires": "此邀请将于 {date} 过期。",
  "common.linkHint": "如果按钮无法使用，请把这个链接复制到浏览器中打开：",
  "common.ignore": "如果您没有预期收到这封邮件，可以忽略它。",
  "partner.subject": "{importer} 邀请您使用 Supplier Portal",
  "partner.heading": "{importer} 的 {inviter} 邀请贵工厂在 Supplier Portal 上一起合作。",
  "partner.body": "您可以在一个地方共享规格书、首件和纠正措施。",
  "partner.button": "接受邀请",
  "partner.free": "Supplier Portal 对供应商免费。",
  "member.subject": "{inviter} 邀请您加入 {org}",
  "member.heading": "{inviter} 邀请您以{role}身份加入 {org}。",
  "member.body": "Supplier Portal 帮助进口商和工厂共享质量文件。",
  "member.button": "加入 {org}",
  "role.OWNER": "所有者",
  "role.QUALITY": "质量负责人",
  "role.MEMBER": "成员",
  "role.VIEWER": "查看者",
  "comment.subject": "{author}（{org}）评论了 {title}",
  "comment.internalLabel": "内部备注",
  "comment.internal": "内部备注：只有 {org} 能看到这条评论。",
  "comment.truncated": "这里只显示评论的开头。请打开链接阅读全文。",
  "comment.button": "查看评论",
  "comment.why": "您收到这封邮件，是因为您参与了这个讨论。",
  "specPublished.subject": "{importer} 发布了 {title} 第 {version} 版",
  "specPublished.heading": "{importer} 发布了 {title} 的第 {version} 版。",
  "specPublished.product": "产品编号：{code}",
  "specPublished.body": "请阅读。然后确认，如有不清楚的地方请提问。",
  "specPublished.button": "打开并确认",
  "specPublished.diff": "查看改动",
  "specAck.subjectAcknowledged": "{factory} 已确认 {title} 第 {version} 版",
  "specAck.subjectQueried": "{factory} 对 {title} 第 {version} 版有疑问",
  "specAck.question": "他们的问题：",
  "specAck.answer": "请在规格页面的讨论中回答。",
  "specAck.body": "他们已阅读此版本，可以生产。",
  "specAck.button": "打开规格",
  "faSubmitted.subject": "{factory} 提交了 {title} 的首件检验 (PO {po})",
  "faSubmitted.heading": "{factory} 提交了 {title} 第 {version} 版首件检验的第 {round} 轮。",
  "faSubmitted.body": "PO 或批号：{po}。请审核测量数据并作出决定。",
  "faSubmitted.button": "审核首件",
  "faDecided.subjectApproved": "{importer} 批准了您的 {title} 首件 (PO {po})",
  "faDecided.subjectConditional": "{importer} 有条件批准了您的 {title} 首件 (PO {po})",
  "faDecided.subjectRejected": "{importer} 拒绝了您的 {title} 首件第 {round} 轮 (PO {po})",
  "faDecided.conditions": "条件：",
  "faDecided.reason": "原因：",
  "faDecided.nextRound": "请解决问题，然后在首件页面开始下一轮。您的测量数据会被复制过去。",
  "faDecided.button": "查看结果",
};

const catalogues: Record<Locale, Catalogue> = { en, es, zh };

/** Maps stored values such as "zh-CN", "es_MX" or "" to a supported locale. */
export function toLocale(value: string | null | undefined): Locale {
  const base = (value ?? "").toLowerCase().split(/[-_]/)[0];
  return (locales as readonly string[]).includes(base ?? "") ? (base as Locale) : "en";
}

export function t(locale: string, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = catalogues[toLocale(locale)][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A date in words ("March 5, 2027"); UTC so the day does not depend on the server's zone. */
export function formatDate(locale: string, iso: string): string {
  const tag = { en: "en-US", es: "es-ES", zh: "zh-CN" }[toLocale(locale)];
  return new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
}

/** Value for <html lang>. */
export function htmlLang(locale: string): string {
  return { en: "en", es: "es", zh: "zh-CN" }[toLocale(locale)];
}
