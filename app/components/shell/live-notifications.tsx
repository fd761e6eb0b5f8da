import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

type Toast = { id: number; text: string };

/**
 * Connects to Socket.IO with the session cookie and shows organization events as they happen,
 * in a polite live region so screen readers announce them.
 */
export function LiveNotifications() {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);

  useEffect(() => {
    let disposed = false;
    let socket: import("socket.io-client").Socket | undefined;
    void import("socket.io-client").then(({ io }) => {
      if (disposed) return;
      socket = io({ withCredentials: true });
      socket.on("member.joined", (payload: { name: string; role: string }) => {
        const text = t("live.memberJoined", { name: payload.name, role: t(`roles.${payload.role}`) });
        setToasts((current) => [...current.slice(-3), { id: Date.now() + Math.random(), text }]);
      });
    });
    return () => {
      disposed = true;
      socket?.disconnect();
    };
  }, [t]);

  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="status">
          <span>{toast.text}</span>
          <button type="button" className="link-button" onClick={() => setToasts((c) => c.filter((x) => x.id !== toast.id))}>
            {t("live.dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}
