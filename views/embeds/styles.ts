import { textOnAccent, type Theme } from '@/embeds/rules';

const palettes: Record<Theme, string> = {
  light:
    '--ink:#16202b;--muted:#4b5766;--line:#d8dee6;--bg:#fff;--card:#f5f6f8;--link:#0a58a8;--accent:#0a58a8;--accent-ink:#fff;color-scheme:light;',
  dark: '--ink:#eef2f6;--muted:#b8c2cc;--line:#3a4653;--bg:#121a22;--card:#1b2530;--link:#8cc4ff;--accent:#8cc4ff;--accent-ink:#000;color-scheme:dark;',
};

const base = `
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:1rem;line-height:1.5;color:var(--ink);background:var(--bg);overflow-wrap:anywhere}
main{padding:.75rem 1rem}
h1{font-size:1.25rem;line-height:1.25;margin:0 0 .5rem}
h2{font-size:1.0625rem;line-height:1.3;margin:0 0 .25rem}
p{margin:.25rem 0}
a{color:var(--link);text-underline-offset:.15em}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.meta{color:var(--muted);font-size:.9375rem}
.events{list-style:none;margin:0;padding:0}
.events>li{padding:.6rem 0 .6rem .75rem;border-left:4px solid var(--accent);margin:.5rem 0;background:var(--card)}
.card{padding:.75rem;border-left:4px solid var(--accent);background:var(--card)}
.badge{display:inline-block;padding:0 .4rem;border-radius:.25rem;border:1px solid var(--muted);font-size:.8125rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.6rem}
.button{display:inline-block;padding:.45rem .9rem;border-radius:.375rem;background:var(--accent);color:var(--accent-ink);font-weight:600;text-decoration:none}
.button:hover{filter:brightness(1.08)}
progress{width:100%;height:.75rem;accent-color:var(--accent)}
.items{list-style:none;margin:.5rem 0 0;padding:0}
.items>li{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:0 .75rem;padding:.4rem 0;border-top:1px solid var(--line)}
.numbers{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.25rem 0 .5rem}
.notice{padding:.5rem .75rem;border-left:4px solid #f5a623;background:var(--card)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/**
 * The embeds' stylesheet (/embed/style.css?theme=&accent=): the theme's palette and, if given,
 * the host site's accent for borders and buttons. `accent` is six hex digits from parseAccent,
 * never the raw query; the button text takes black or white, whichever reads on it.
 */
export function embedCss(theme: Theme, accent: string | null): string {
  const accentVars = accent ? `--accent:#${accent};--accent-ink:${textOnAccent(accent)};` : '';
  return `:root{${palettes[theme]}${accentVars}}\n${base}`;
}
