import type { ArgumentExemple, ContenuAide, Exemple } from "./contenu";

/**
 * HTML of the French help pages (assets/help/<id>.html, the @helpurl of each function) from the metadata, the
 * content of contenu.ts and the results the real functions returned for the examples. Pure: no file, no call.
 */

export interface MetaFonction {
  readonly id: string;
  readonly description?: string;
  readonly parameters: readonly { readonly name: string; readonly description?: string; readonly optional?: boolean }[];
}

const NBSP = "\u00a0";
const NNBSP = "\u202f";

function echapper(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function nombreFr(x: number): string {
  return String(x).replace("-", "−").replace(".", ",");
}

function eurosFr(x: number): string {
  const [e, d] = Math.abs(x).toFixed(2).split(".");
  return `${x < 0 ? "−" : ""}${e!.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP)},${d}${NBSP}€`;
}

/** An example argument as typed in a French Excel formula. */
function argumentFormule(a: ArgumentExemple): string {
  if (a === null) return "";
  if (typeof a === "number") return String(a).replace(".", ",");
  if (typeof a === "boolean") return a ? "VRAI" : "FAUX";
  if (typeof a === "string") return `"${a.replace(/"/g, '""')}"`;
  if ("pct" in a) return `${String(a.pct).replace(".", ",")}%`;
  if ("plage" in a) return a.plage;
  const [an, mois, jour] = a.date.split("-").map(Number);
  return `DATE(${an};${mois};${jour})`;
}

function formule(id: string, args: readonly ArgumentExemple[]): string {
  const a = [...args];
  while (a.length > 0 && a[a.length - 1] === null) a.pop();
  return `=REMB.${id}(${a.map(argumentFormule).join("; ")})`;
}

function syntaxe(m: MetaFonction): string {
  return `=REMB.${m.id}(${m.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ")})`;
}

function valeur(v: unknown, format: "euros" | "nombre" | "texte"): string {
  if (typeof v === "number") return format === "euros" ? eurosFr(v) : nombreFr(v);
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object" && "code" in v) {
    const e = v as { code: string; message?: string };
    return `${e.code}${e.message ? ` (${e.message})` : ""}`;
  }
  return String(v);
}

function resultatHtml(r: unknown, format: "euros" | "nombre" | "texte"): string {
  if (!Array.isArray(r)) return echapper(valeur(r, format));
  const m = r as unknown[][];
  if (m.length === 1 && m[0]!.length === 1) return echapper(valeur(m[0]![0], format));
  // A spilled table (DETAIL or a range): the first column is text, the others follow the format.
  const lignes = m.map((l) => `<tr>${l.map((c) => `<td>${echapper(c === "" ? "" : valeur(c, format))}</td>`).join("")}</tr>`);
  return `<table class="deverse">${lignes.join("")}</table>`;
}

function paragraphes(ps: readonly string[]): string {
  return ps.map((p) => `<p>${echapper(p)}</p>`).join("\n");
}

const PLAGES =
  "Chaque argument accepte une cellule ou une plage. Des plages de même taille sont lues élément par élément, une cellule unique est répétée, et le résultat se déverse en un seul tableau : une colonne de 100 000 lignes se calcule en un appel. Une erreur sur une ligne n'affecte que sa cellule ; des plages de tailles différentes (une ligne contre une colonne) donnent #VALEUR! avec un message.";
const ERREURS =
  "#VALEUR! : un argument est invalide (le message au survol de la cellule dit lequel et ce qui est attendu). #N/A : aucune règle ou valeur légale pour cette date ou ce cas (par exemple une date antérieure à la première valeur connue d'un paramètre).";
const DATES =
  "Les dates sont des cellules date ou du texte « 01/03/2026 » ; date_soins omise signifie aujourd'hui. Les taux s'écrivent 70 % (ou 0,7) ; les montants en euros, avec une virgule décimale.";

export function pageFonction(m: MetaFonction, c: ContenuAide, resultats: readonly unknown[]): string {
  const args = m.parameters.map((p) => `<tr><td><code>${echapper(p.name)}</code></td><td>${echapper(p.description ?? "")}</td></tr>`).join("\n");
  const exemples = c.exemples
    .map((e: Exemple, i) => {
      const f = e.format ?? c.format;
      return `<tr><td><code>${echapper(formule(m.id, e.args))}</code></td><td class="resultat">${resultatHtml(resultats[i], f)}</td><td>${echapper(e.explication)}</td></tr>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>REMB.${m.id} — aide REMB</title>
<link rel="stylesheet" href="aide.css" />
</head>
<body>
<main>
<p class="fil"><a href="index.html">Aide REMB</a> › REMB.${m.id}</p>
<h1>REMB.${m.id}</h1>
<p class="resume">${echapper(m.description ?? "")}</p>
${paragraphes(c.presentation)}
<h2>Syntaxe</h2>
<pre>${echapper(syntaxe(m))}</pre>
<h2>Arguments</h2>
<table>
<tr><th>Argument</th><th>Description</th></tr>
${args}
</table>
<h2>Exemples</h2>
${
  c.exemples.length > 0
    ? `<table>\n<tr><th>Formule</th><th>Résultat</th><th>Explication</th></tr>\n${exemples}\n</table>`
    : "<p>Exemples à venir avec la prochaine version de REMB.</p>"
}
${c.remarques.length > 0 ? `<h2>Remarques</h2>\n<ul>\n${c.remarques.map((r) => `<li>${echapper(r)}</li>`).join("\n")}\n</ul>` : ""}
<h2>Plages, dates et erreurs</h2>
<p>${echapper(c.plages ?? PLAGES)}</p>
<p>${echapper(DATES)}</p>
<p>${echapper(ERREURS)}</p>
<h2>Références</h2>
<ul>
${c.references.map((r) => `<li>${echapper(r)}</li>`).join("\n")}
</ul>
</main>
</body>
</html>
`;
}

export function pageIndex(fonctions: readonly { readonly id: string; readonly resume: string }[]): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Aide REMB — fonctions de remboursement santé</title>
<link rel="stylesheet" href="aide.css" />
</head>
<body>
<main>
<h1>Aide REMB</h1>
<p>Les fonctions REMB.* calculent ce que paient la Sécurité sociale (RO), la complémentaire santé (RC) et le patient (reste à charge, RAC), selon les règles du contrat responsable et du 100 % Santé, à la date des soins.</p>
<ul>
${fonctions.map((f) => `<li><a href="${f.id.toLowerCase()}.html">REMB.${f.id}</a> — ${echapper(f.resume)}</li>`).join("\n")}
</ul>
<h2>Garanties</h2>
<p>${echapper("Une garantie s'écrit comme dans les tableaux de garanties : « 150 % BR », « 100 % BR + 50 € », « 1,5 % PMSS / jour », « Frais réels », « Néant »… C'est un montant total Sécurité sociale incluse, sauf mention « en sus du RO ». Un nombre est un multiple de la base pour REMB.SOINS, REMB.DENTAIRE et REMB.SEJOUR (1,5 = 150 % BR), un montant en euros pour REMB.OPTIQUE et REMB.AUDIO.")}</p>
<h2>Plages, dates et erreurs</h2>
<p>${echapper(PLAGES)}</p>
<p>${echapper(DATES)}</p>
<p>${echapper(ERREURS)}</p>
</main>
</body>
</html>
`;
}
