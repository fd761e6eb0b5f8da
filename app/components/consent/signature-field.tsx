import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type SignaturePad from "signature_pad";

/**
 * A drawn signature (signature_pad on a canvas, loaded in the browser only). The PNG is kept in a
 * hidden input named `signatureImage`; "Clear" starts over. Keyboard users and screen-reader users
 * can choose a typed signature instead (the form offers both).
 */
export function SignatureField({ errors }: { errors?: string[] }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [image, setImage] = useState("");
  const [ready, setReady] = useState(false);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    let cancelled = false;
    let pad: SignaturePad | null = null;
    import("signature_pad").then(({ default: Pad }) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext("2d")?.scale(ratio, ratio);
      pad = new Pad(canvas, { penColor: "#1d2327", backgroundColor: "rgb(255,255,255)" });
      pad.addEventListener("endStroke", () => setImage(pad!.isEmpty() ? "" : pad!.toDataURL("image/png")));
      padRef.current = pad;
      setReady(true);
    });
    return () => {
      cancelled = true;
      pad?.off();
    };
  }, []);

  return (
    <div className={`field${errors?.length ? " field--invalid" : ""}`}>
      <span className="field-label" id={`${hintId}-label`}>{t("consent.authorize.drawHere")}</span>
      <p className="field-hint" id={hintId}>{t("consent.authorize.drawHint")}</p>
      <canvas
        ref={canvasRef}
        className="signature-canvas"
        role="img"
        aria-labelledby={`${hintId}-label`}
        aria-describedby={[hintId, errors?.length ? errorId : null].filter(Boolean).join(" ")}
        data-testid="signature-canvas"
      />
      <input type="hidden" name="signatureImage" value={image} />
      <div className="signature-actions">
        <button type="button" className="button button--small" disabled={!ready} onClick={() => { padRef.current?.clear(); setImage(""); }}>
          {t("consent.authorize.clear")}
        </button>
        <span role="status" className="small muted">{image ? t("consent.authorize.drawnSaved") : ""}</span>
      </div>
      <noscript><p className="field-hint">{t("consent.authorize.noScript")}</p></noscript>
      {errors?.length ? <p className="field-error" id={errorId} role="alert">{errors[0]}</p> : null}
    </div>
  );
}
