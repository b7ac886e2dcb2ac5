// One action on a clue or a case: a button that opens a small form asking for exactly
// the fields the RPC needs, sends it, and shows the service's refusal in plain words.
import { h } from "./dom";
import { explain } from "./api";

export interface Field {
  name: string;
  label: string;
  kind?: "text" | "date" | "textarea" | "select" | "number";
  options?: [string, string][];
  required?: boolean;
  help?: string;
  value?: string;
}

export function action(
  id: string,
  title: string,
  fields: Field[],
  send: (values: Record<string, string>) => Promise<unknown>,
  done: (message: string) => void,
): HTMLElement {
  const error = h("p", { class: "error", role: "alert", id: `${id}-error` });
  const form = h("form", { class: "action-form", id: `${id}-form`, hidden: true, "aria-label": title },
    fields.map((f) => {
      const fid = `${id}-${f.name}`;
      const attrs = { id: fid, name: f.name, required: f.required, "aria-describedby": f.help ? `${fid}-help` : undefined };
      const input =
        f.kind === "textarea" ? h("textarea", { ...attrs, rows: 3 }, f.value ?? "")
        : f.kind === "select" ? h("select", attrs,
            h("option", { value: "" }, "请选择"),
            (f.options ?? []).map(([v, t]) => h("option", { value: v, selected: v === f.value }, t)))
        : h("input", { ...attrs, type: f.kind ?? "text", value: f.value });
      return h("div", { class: "field" },
        h("label", { for: fid }, f.label, f.required ? h("span", { class: "req", "aria-hidden": "true" }, " *") : null),
        input,
        f.help ? h("p", { class: "help", id: `${fid}-help` }, f.help) : null);
    }),
    error,
    h("div", { class: "buttons" },
      h("button", { type: "submit", id: `${id}-submit` }, `确认${title}`),
      h("button", { type: "button", class: "secondary", onclick: () => toggle(false) }, "取消")),
  );
  const opener = h("button", { type: "button", id, "aria-expanded": "false", "aria-controls": `${id}-form` }, title);
  const toggle = (open: boolean) => {
    form.hidden = !open;
    opener.setAttribute("aria-expanded", String(open));
    if (open) (form.querySelector("input,select,textarea,button") as HTMLElement | null)?.focus();
    else opener.focus();
  };
  opener.addEventListener("click", () => toggle(form.hidden));
  form.addEventListener("keydown", (e) => {
    if (e.key === "Escape") toggle(false);  // back to the button that opened it
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const f of fields) values[f.name] = String(data.get(f.name) ?? "").trim();
    const submit = form.querySelector("button[type=submit]") as HTMLButtonElement;
    submit.disabled = true;
    try {
      await send(values);
      done(`${title}：已完成。`);
    } catch (err) {
      error.textContent = explain(err).text;
      submit.disabled = false;
    }
  });
  return h("div", { class: "action" }, opener, form);
}

// "P001, P002" or "people/P001" -> people/{code}
export function peopleList(text: string): string[] {
  return text.split(/[\s,，;；、]+/).filter(Boolean).map((p) => (p.startsWith("people/") ? p : `people/${p}`));
}
