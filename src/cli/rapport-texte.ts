import { dateFr } from "../core/dates";
import type { Grille } from "../core/grille";
import type { Constat, RapportVerification } from "../core/responsable";
import type { Gravite } from "./arguments";
import { echapper as e } from "./echapper";
import { verdict, type ResultatFichier, type Resume } from "./resultat";

/**
 * The terminal report (French): one block per file, then one summary line. Plain text that stays readable when
 * piped to a file or a CI log; colours only through `Style`, which is the identity unless stdout is a terminal.
 * Messages are not wrapped: a terminal wraps them, and grep sees whole lines. Every piece of text that comes from the
 * input goes through echapper (control characters escaped) before a colour is added.
 */

export interface Style {
  gras(s: string): string;
  rouge(s: string): string;
  jaune(s: string): string;
  vert(s: string): string;
  cyan(s: string): string;
  gris(s: string): string;
}

const identite = (s: string) => s;
export const SANS_STYLE: Style = { gras: identite, rouge: identite, jaune: identite, vert: identite, cyan: identite, gris: identite };

const sgr = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
export const STYLE_ANSI: Style = { gras: sgr("1"), rouge: sgr("1;31"), jaune: sgr("33"), vert: sgr("32"), cyan: sgr("36"), gris: sgr("2") };

/**
 * Colours when stdout is a terminal, following the usual conventions: NO_COLOR (non-empty) turns them off
 * (no-color.org), FORCE_COLOR (other than 0/false) turns them on for CI logs that render them, TERM=dumb off.
 */
export function avecCouleurs(estTerminal: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  return estTerminal && env.TERM !== "dumb";
}

const RANG: Readonly<Record<Gravite, number>> = { erreur: 0, alerte: 1, info: 2 };

/** `--gravite`: a finding is listed when it is at least as severe as the threshold. */
export function montre(c: Constat, seuil: Gravite): boolean {
  return RANG[c.gravite] <= RANG[seuil];
}

const ETIQUETTE = 15;
const champ = (nom: string) => `  ${nom.padEnd(ETIQUETTE)}`;

export function texteResultat(r: ResultatFichier, seuil: Gravite, st: Style): string {
  const lignes = [st.gras(e(r.chemin))];
  if (r.grille) lignes.push(`${champ("Grille")}${e(r.grille.nom)} (${descriptionSource(r.grille)})`);
  if (r.erreur !== undefined) {
    const etat = r.erreur.etape === "lecture" ? "ILLISIBLE" : "NON VÉRIFIÉE";
    const interne = r.erreur.interne ? "erreur interne de REMB : " : "";
    lignes.push(`${champ("Résultat")}${st.rouge(etat)} — ${interne}${e(r.erreur.message)}`);
    return lignes.join("\n") + "\n";
  }
  const rp = r.rapport;
  lignes.push(`${champ("Date appliquée")}${dateFr(rp.date)} (${origineDate(rp, r.grille)})`);
  const corr = correctionsAppliquees(r.grille);
  if (corr.lignes + corr.cellules > 0) {
    lignes.push(
      `${champ("Corrections")}${nombre(corr.lignes, "ligne", "lignes")} et ${nombre(corr.cellules, "cellule", "cellules")} lues selon le fichier de corrections`,
    );
  }
  const v = verdict(rp);
  const comptes = `${nombre(rp.erreurs, "erreur", "erreurs")}, ${nombre(rp.alertes, "alerte", "alertes")}${v === "sous-reserve" ? " à vérifier" : ""}, ${nombre(rp.infos, "info", "infos")}`;
  const etat = v === "non-conforme" ? st.rouge("NON CONFORME") : v === "sous-reserve" ? st.jaune("CONFORME SOUS RÉSERVE") : st.vert("CONFORME");
  lignes.push(`${champ("Résultat")}${etat} — ${comptes}`);
  const montres = rp.constats.filter((c) => montre(c, seuil));
  if (montres.length > 0) lignes.push("");
  for (const c of montres) lignes.push(...texteConstat(c, st));
  const masques = rp.constats.length - montres.length;
  if (masques > 0) lignes.push(st.gris(`  (${nombre(masques, "constat masqué", "constats masqués")} par --gravite ${seuil})`));
  return lignes.join("\n") + "\n";
}

/**
 * Two or three lines per finding: severity, rule and where (poste, level, cell, printed value) on the first, the
 * message and the legal reference indented below. Absent fields are left out rather than shown empty.
 */
export function texteConstat(c: Constat, st: Style): string[] {
  const gravite = c.gravite === "erreur" ? st.rouge("ERREUR") : c.gravite === "alerte" ? st.jaune("ALERTE") : st.cyan("INFO  ");
  const ou: string[] = [];
  if (c.libelle !== undefined) ou.push(c.poste !== null ? `${e(c.libelle)} (${c.poste})` : `${e(c.libelle)} (poste non reconnu)`);
  else if (c.poste !== null) ou.push(c.poste);
  else ou.push("grille entière");
  if (c.niveau !== undefined) ou.push(e(c.niveau));
  if (c.adresse !== undefined) ou.push(e(c.adresse));
  else if (c.ligne !== undefined) ou.push(`ligne ${c.ligne}`);
  if (c.valeur !== undefined) ou.push(`« ${e(c.valeur)} »`);
  const indent = "          ";
  const l = [`  ${gravite}  ${st.gras(c.regle)} · ${ou.join(" · ")}`, `${indent}${e(c.message)}`];
  if (c.reference !== "") l.push(st.gris(`${indent}Référence : ${e(c.reference)}`));
  return l;
}

export function texteResume(r: Resume, st: Style): string {
  const parties = [
    nombre(r.conformes, "conforme", "conformes"),
    ...(r.sousReserve > 0 ? [nombre(r.sousReserve, "conforme sous réserve", "conformes sous réserve")] : []),
    nombre(r.nonConformes, "non conforme", "non conformes"),
    nombre(r.illisibles, "illisible", "illisibles"),
  ];
  if (r.nonVerifiees > 0) parties.push(nombre(r.nonVerifiees, "non vérifiée", "non vérifiées"));
  return st.gras(`${nombre(r.grilles, "grille", "grilles")} : ${parties.join(", ")}.`) + "\n";
}

const ENCODAGES: Readonly<Record<NonNullable<Grille["source"]["encodage"]>, string>> = {
  "utf-8": "UTF-8",
  "windows-1252": "Windows-1252",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "utf-32le": "UTF-32 LE",
  "utf-32be": "UTF-32 BE",
};

export function descriptionSource(g: Grille): string {
  const s = g.source;
  switch (s.format) {
    case "csv": {
      const sep = s.separateur === "\t" ? "tabulation" : s.separateur !== undefined ? `« ${s.separateur} »` : undefined;
      return ["CSV", s.encodage !== undefined ? ENCODAGES[s.encodage] : undefined, sep !== undefined ? `séparateur ${sep}` : undefined]
        .filter(Boolean)
        .join(", ");
    }
    case "xlsx":
      return s.feuille !== undefined ? `XLSX, feuille « ${e(s.feuille)} »` : "XLSX";
    case "json":
      return "JSON";
    default:
      return s.format;
  }
}

function origineDate(r: RapportVerification, g: Grille): string {
  switch (r.origineDate) {
    case "option":
      return "option --date";
    case "grille":
      return g.texteDateEffet !== undefined ? `lue sur la grille : « ${e(g.texteDateEffet)} »` : "date d'effet de la grille";
    case "aujourdhui":
      return "date du jour : ni --date ni date d'effet sur la grille";
  }
}

/** Lines whose poste and cells whose reading the user's corrections gave. */
export function correctionsAppliquees(g: Grille): { lignes: number; cellules: number } {
  if (g.source.format === "json") return { lignes: 0, cellules: g.lignes.reduce((n, l) => n + l.cellules.filter((c) => c.correction !== undefined).length, 0) };
  let lignes = 0;
  let cellules = 0;
  for (const l of g.lignes) {
    if (l.reconnaissance.origine === "fournie") lignes++;
    for (const c of l.cellules) if (c.correction !== undefined) cellules++;
  }
  return { lignes, cellules };
}

/** French agreement: 0 and 1 take the singular. */
export function nombre(n: number, singulier: string, pluriel: string): string {
  return `${n} ${n <= 1 ? singulier : pluriel}`;
}
