// A horizontal bar chart in SVG, next to the numbers it draws (the table is the data;
// the chart is a picture of it and hidden from screen readers' tables).
import { h, svg } from "./dom";

export function barChart(title: string, id: string, rows: [string, number, string?][]): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const barH = 22, gap = 8, labelW = 120, width = 420, valueW = 48;
  const height = rows.length * (barH + gap);
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${title}：${rows.map((r) => `${r[0]} ${r[1]}`).join("，")}`,
    class: "chart",
  }, rows.map(([label, value], i) => {
    const y = i * (barH + gap);
    const w = ((width - labelW - valueW) * value) / max;
    return svg("g", {},
      svg("text", { x: labelW - 6, y: y + barH * 0.7, "text-anchor": "end", class: "chart-label" }, label),
      svg("rect", { x: labelW, y, width: Math.max(w, value > 0 ? 2 : 0), height: barH, rx: 3, class: "chart-bar" }),
      svg("text", { x: labelW + w + 6, y: y + barH * 0.7, class: "chart-value" }, String(value)));
  }));
  return h("figure", { class: "chart-block", id },
    h("figcaption", {}, title),
    h("div", { class: "chart-pair" },
      chart,
      h("table", { class: "numbers" },
        h("tbody", {}, rows.map(([label, value, key]) =>
          h("tr", {}, h("th", { scope: "row" }, label), h("td", { "data-figure": key }, value)))))));
}
