/** The dev mailbox (captured emails, only with mail capture on), or one email in it. */
export const mailboxPath = (emailId?: string) => (emailId ? `/dev/mailbox/${emailId}` : "/dev/mailbox");
