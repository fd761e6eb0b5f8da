/**
 * The mailer interface. Every message is first written to the OutboxMessage table (the record of
 * what the hub sent); the "smtp" transport then also sends it with nodemailer. There is no mail
 * server on the build machines, so the default transport is the outbox alone.
 */
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export type MailMessage = { to: string; subject: string; text: string; html?: string };

export interface Mailer {
  send(message: MailMessage): Promise<{ id: string }>;
}

export const outboxMailer: Mailer = {
  async send(message) {
    const row = await db.outboxMessage.create({ data: { ...message, transport: "outbox", sentAt: null } });
    console.info(`[mail:outbox] to=${message.to} subject=${JSON.stringify(message.subject)}`);
    return { id: row.id };
  },
};

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  return {
    async send(message) {
      const row = await db.outboxMessage.create({ data: { ...message, transport: "smtp" } });
      try {
        const nodemailer = await import("nodemailer");
        await nodemailer.createTransport(smtpUrl).sendMail({ from, ...message });
        await db.outboxMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
      } catch (error) {
        await db.outboxMessage.update({ where: { id: row.id }, data: { error: String(error).slice(0, 1000) } });
      }
      return { id: row.id };
    },
  };
}

export function getMailer(): Mailer {
  const env = getEnv();
  return env.MAIL_TRANSPORT === "smtp" && env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : outboxMailer;
}
