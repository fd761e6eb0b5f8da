import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ChatMessage } from "~/realtime/events";
import { Composer } from "./composer";
import { HideMessage, type RoomActionResult } from "./confirm-in-place";
import { ReportMissed } from "./report-missed";

type SendResult = Parameters<typeof Composer>[0]["send"];

/** One thread of the room (the general one or a vignette's): its messages, each hideable, and the message box. */
export function RoomThread({
  title,
  messages,
  myOrganizationId,
  timeZone,
  ended,
  live,
  hide,
  report,
  send,
}: {
  title: string;
  messages: ChatMessage[];
  myOrganizationId: string;
  timeZone: string;
  ended: boolean;
  live: boolean;
  hide: (seq: number) => Promise<RoomActionResult>;
  /** "The check missed this" on a message: the words' span, and their type. */
  report: (seq: number, span: { start: number; end: number; type: string }) => Promise<RoomActionResult>;
  send: SendResult;
}) {
  const { t } = useTranslation();
  const typeLabel = (type: string) => t(`conference.types.${type}`, { defaultValue: type });
  return (
    <section className="card" aria-labelledby="thread-title">
      <h2 id="thread-title">{title}</h2>
      <ol className="thread" aria-live="polite" aria-relevant="additions" data-testid="thread">
        {messages.length === 0 ? <li className="muted">{t("conference.room.noMessages")}</li> : null}
        {messages.map((m) => (
          <Message key={m.seq} message={m} ours={m.organizationId === myOrganizationId} timeZone={timeZone} hide={hide} report={report} />
        ))}
      </ol>
      {!ended ? (
        <>
          <p className="small muted" data-testid="posting-to">{t("conference.room.postingTo", { thread: title })}</p>
          <Composer send={send} disabled={!live} typeLabel={typeLabel} />
        </>
      ) : null}
    </section>
  );
}

function Message({ message: m, ours, timeZone, hide, report }: { message: ChatMessage; ours: boolean; timeZone: string; hide: (seq: number) => Promise<RoomActionResult>; report: (seq: number, span: { start: number; end: number; type: string }) => Promise<RoomActionResult> }) {
  const { t, i18n } = useTranslation();
  const bodyRef = useRef<HTMLParagraphElement>(null);
  return (
          <li className={`message${ours ? " message--ours" : ""}`}>
            <p className="message-meta">
              <strong>{m.authorName}</strong> · {m.organizationName} ·{" "}
              <time dateTime={m.createdAt}>{new Intl.DateTimeFormat(i18n.language, { timeStyle: "short", timeZone }).format(new Date(m.createdAt))}</time>
            </p>
            {m.hiddenAt ? (
              <p className="message-body message-body--hidden">{t("conference.room.hiddenBy", { name: m.hiddenByName ?? "" })}</p>
            ) : (
              <>
                <p ref={bodyRef} className="message-body pre-line">{m.body}</p>
                <div className="message-actions">
                  <HideMessage hide={() => hide(m.seq)} />
                  <ReportMissed what="message" texts={[{ key: "body", label: t("conference.room.message"), text: m.body }]} scope={bodyRef} report={({ start, end, type }) => report(m.seq, { start, end, type })} />
                </div>
              </>
            )}
          </li>
  );
}
