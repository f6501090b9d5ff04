import nodemailer from 'nodemailer';

/** Sends one plain-text mail. Off unless SMTP_URL is set; tests pass their own. */
export type Mailer = (m: { to: string; subject: string; text: string }) => Promise<void>;

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (m) => {
    await transport.sendMail({ from, ...m });
  };
}
