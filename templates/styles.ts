/**
 * The one inline stylesheet: a newspaper's type hierarchy, a grid on wide screens, dark mode, print, visible focus (AA contrast in both schemes).
 * An article's sections, its provenance panel and the footer are `content-visibility:auto`: off-screen parts are laid out only when
 * scrolled near, which cut the article's simulated blocking time in Lighthouse's mobile run (paired runs, test/e2e).
 */
export const STYLESHEET = `
:root{--bg:#fdfdfb;--fg:#1b1b1b;--muted:#4f4f4f;--line:#d9d9d4;--accent:#0b5cad;--kicker:#9b2c12;--mark:#fff1a8;--ok:#1d6b2f;--bad:#a4261b;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#141517;--fg:#ecebe6;--muted:#b4b3ad;--line:#3a3b3f;--accent:#8cc4ff;--kicker:#ffab91;--mark:#5c4d00;--ok:#7fd48f;--bad:#ff9c8f}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 Georgia,'Iowan Old Style',serif}
header.site,footer.site,main.wide{max-width:72rem;margin:0 auto;padding:0 1rem}
main{max-width:44rem;margin:0 auto;padding:0 1rem}
nav,.meta,.byline,.kicker,footer.site,table,form.search,h3,.section-title{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}
h1,h2{font-family:Georgia,'Iowan Old Style','Times New Roman',serif}
h1{font-size:2rem;line-height:1.2;margin:.6em 0 .3em}h2{font-size:1.35rem;line-height:1.3;margin:1.8em 0 .5em}h3{font-size:1.05rem;margin:1.2em 0 .3em}
a{color:var(--accent)}a:focus-visible,input:focus-visible,button:focus-visible,summary:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:1}
header.site{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;padding-top:1rem;border-bottom:3px double var(--line)}
.brand{font:700 1.5rem/1.2 Georgia,'Iowan Old Style',serif;color:var(--fg);text-decoration:none;padding:.25rem 0}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:0;padding:0 0 .6rem}nav a{display:inline-block;padding:.2rem 0}
.meta,.byline,.muted{color:var(--muted);font-size:.9rem}
.kicker{font-size:.78rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--kicker);margin:0}.kicker a{color:inherit;text-decoration:none}
.dek{font-size:1.2rem;color:var(--muted)}
img{max-width:100%;height:auto}
.cover{display:block;width:100%;max-width:20rem;margin:1rem 0 0}
.section-title{font-size:.85rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin:1.5rem 0 0;padding-bottom:.4rem;border-bottom:1px solid var(--line)}
.cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));column-gap:2rem}
.cards>li{border-bottom:1px solid var(--line);padding:1rem 0 1.1rem}.cards>li.lead{grid-column:1/-1;padding:1.25rem 0 1.5rem}
@media (min-width:68rem){.cards>li.lead{grid-column:span 3}}
article>header{margin-top:1.25rem}
.card h2{font-size:1.2rem;line-height:1.25;margin:.3rem 0 .4rem}.card h2 a{color:var(--fg);text-decoration:none}.card h2 a:hover{text-decoration:underline}
.card .dek{font-size:1rem;line-height:1.5;color:var(--fg);margin:.3rem 0}.card .meta{margin:.4rem 0 0;font-size:.82rem}
.card.lead h2{font-size:clamp(1.7rem,4.2vw,2.7rem);line-height:1.12;max-width:52rem}.card.lead .dek{font-size:1.2rem;max-width:44rem}
.cite a{text-decoration:none;font-size:.8em}
mark{background:var(--mark);color:inherit}
.provenance{border:1px solid var(--line);padding:0 1rem 1rem;margin-top:2rem}
article>section,.provenance,footer.site{content-visibility:auto;contain-intrinsic-size:auto 30rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid var(--line);padding:.3rem;text-align:left;vertical-align:top}
.pass{color:var(--ok)}.fail{color:var(--bad)}
.notice{border-left:4px solid var(--accent);padding:.2rem 1rem}
form.search{display:flex;gap:.5rem}input[type=search]{flex:1;min-width:0;font:inherit;padding:.4rem}button{font:inherit;padding:.4rem .8rem}
footer.site{border-top:1px solid var(--line);margin-top:3rem;padding-bottom:2rem;font-size:.85rem;color:var(--muted)}
body.desk header.site,body.desk main{max-width:80rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.beside{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(22rem,100%),1fr));gap:1.5rem}
body.desk table{width:100%;table-layout:fixed}body.desk td,body.desk th{overflow-wrap:anywhere}body.desk main>*{min-width:0}
.deskform{border:1px solid var(--line);padding:.5rem 1rem 1rem;margin:1rem 0}.deskform label{display:block;margin:.6rem 0 .2rem;font-family:system-ui,sans-serif}
input[type=text],input[type=url],input[type=email],input[type=password],select,textarea{font:inherit;padding:.3rem;max-width:100%}textarea{width:100%}
td form{display:inline}ins{background:var(--mark);color:inherit}del{color:var(--bad)}
.flash{border-left:4px solid var(--ok);padding:.2rem 1rem}.flash.error{border-color:var(--bad)}
@media print{nav,.skip,form.search,footer.site nav{display:none}body{background:#fff;color:#000;font-size:11pt}a{color:#000}.sources a::after{content:" (" attr(href) ")";font-size:.8em}}
`.trim();
