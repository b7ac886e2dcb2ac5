import { defineConfig } from "vite";

// `npm run dev` proxies the gateway's JSON calls (PAIZHU_HTTP, default the dev stack's
// http://127.0.0.1:40002), so the browser sees one origin and no CORS is needed.
const gateway = process.env.PAIZHU_HTTP ?? "http://127.0.0.1:40002";

export default defineConfig({
  server: { proxy: { "/paizhu.": { target: gateway, changeOrigin: false } } },
  build: { target: "es2022", outDir: "dist", assetsInlineLimit: 0, reportCompressedSize: true },
});
