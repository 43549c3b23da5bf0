import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { jourDepuisIso } from "../../src/core/dates";
import { grilleDepuisCsv, type Grille, type Ligne, type OptionsImport } from "../../src/core/grille";
import { posteParCode } from "../../src/core/postes";
import { verifierGrille, type RapportVerification } from "../../src/core/responsable";

/**
 * Measures REMB on the corpus of real published grids (test/fixtures/grilles-reelles/<id>/): each folder holds the
 * grid as printed (grille.csv), its provenance (source.json) and the findings an independent reviewer wrote from
 * the law before REMB ran on it (attendu.json). The figures are those of the real-grids issue: verdicts right,
 * precision and recall of the erreurs, lines on the right poste, cells read. Shared by the corpus test and the
 * report script (npm run corpus).
 */
export const DOSSIER_CORPUS = join(__dirname, "../fixtures/grilles-reelles");

export type Verdict = "conforme" | "non-conforme" | "non-responsable";

export interface ConstatAttendu {
  /** A1 address in the CSV (« C14 »); absent for a finding about the whole grid. */
  readonly cellule?: string;
  /** Article and paragraph (« R871-2 3° »). */
  readonly regle?: string;
  readonly motif: string;
}

export interface Attendu {
  readonly dateContrat: string;
  readonly origineDate?: string;
  /** What the auditor knows outside the table (collective contract…), passed as import options. */
  readonly options?: { readonly collectif?: boolean; readonly responsable?: boolean };
  readonly responsable?: boolean;
  readonly verdict: Verdict;
  /** CSV row → poste code, « attribut » (a service, not a care) or « hors-catalogue: … ». */
  readonly lignes: Readonly<Record<string, string>>;
  readonly erreurs: readonly ConstatAttendu[];
  readonly alertes?: readonly ConstatAttendu[];
  readonly notes?: string;
}

export interface GrilleCorpus {
  readonly id: string;
  readonly csv: Uint8Array;
  readonly source: Readonly<Record<string, unknown>>;
  readonly attendu: Attendu;
}

interface Revisions {
  /** Lines a reviewer marked « hors-catalogue » that a poste added to the catalogue since then now covers. */
  readonly postes: readonly { readonly grille: string; readonly ligne: number; readonly poste: string; readonly revue: string }[];
  /** Non-compliances the review missed, confirmed by a second independent review. */
  readonly erreurs: readonly (ConstatAttendu & { readonly grille: string; readonly confirmation: string })[];
}

/**
 * What the team changed to the expectations after the reviews (revisions.json), kept apart so that the reviewers' files
 * stay as they wrote them.
 */
function revisions(dossier: string): Revisions {
  const f = join(dossier, "revisions.json");
  return existsSync(f) ? (JSON.parse(readFileSync(f, "utf8")) as Revisions) : { postes: [], erreurs: [] };
}

export function chargerCorpus(dossier = DOSSIER_CORPUS): GrilleCorpus[] {
  if (!existsSync(dossier)) return [];
  const r = revisions(dossier);
  return readdirSync(dossier, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const attendu = JSON.parse(readFileSync(join(dossier, id, "attendu.json"), "utf8")) as Attendu;
      const lignes = { ...attendu.lignes };
      for (const x of r.postes.filter((y) => y.grille === id)) {
        if (lignes[String(x.ligne)] !== x.revue) throw new Error(`revisions.json : ${id} ligne ${x.ligne} ne correspond plus à la revue.`);
        lignes[String(x.ligne)] = x.poste;
      }
      const ajoutees = r.erreurs
        .filter((y) => y.grille === id)
        .map(({ cellule, regle, motif }) => ({ ...(cellule ? { cellule } : {}), ...(regle ? { regle } : {}), motif }));
      return {
        id,
        csv: readFileSync(join(dossier, id, "grille.csv")),
        source: JSON.parse(readFileSync(join(dossier, id, "source.json"), "utf8")) as Record<string, unknown>,
        attendu: {
          ...attendu,
          lignes,
          erreurs: [...attendu.erreurs, ...ajoutees],
          verdict: ajoutees.length > 0 && attendu.verdict === "conforme" ? ("non-conforme" as const) : attendu.verdict,
        },
      };
    });
}

/** « R871-2 3° plafond » → « R871-2 3° »; « L871-1 PF » → « L871-1 »: findings are matched on the article. */
export function article(regle: string): string {
  const m = /^([LRD]\d{3}-\d+)(?:\s+(\d+°))?/.exec(regle.trim());
  if (!m) return regle.trim().split(/\s+/)[0]!;
  return m[2] ? `${m[1]} ${m[2]}` : m[1]!;
}

/** « 'Feuille'!$C$14 » → { ligne: 14, colonne: "C" }. */
function position(adresse: string | undefined): { ligne: number; colonne: string } | undefined {
  const m = /([A-Z]+)\$?(\d+)$/.exec((adresse ?? "").replace(/^.*!/, "").replace(/\$/g, ""));
  return m ? { ligne: Number(m[2]), colonne: m[1]! } : undefined;
}

/**
 * Codes the catalogue gained after the reviewers wrote their expectations, and the code they were told to use
 * instead: the reviewers' instructions said « for the optique lines printed per lens, use optique.verres ».
 */
const EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  "optique.verres": ["optique.verre.simple", "optique.verre.complexe", "optique.verre.tres-complexe", "optique.verre.correction"],
};

export interface LigneFausse {
  readonly ligne: number;
  readonly attendu: string;
  readonly obtenu: string;
  readonly libelle: string;
}

export interface CelluleNonLue {
  readonly adresse: string;
  readonly texte: string;
  readonly message: string;
}

export interface Mesure {
  readonly id: string;
  readonly verdictAttendu: Verdict;
  /** Undefined when the grid could not be imported at all. */
  readonly verdictObtenu?: Verdict;
  readonly echecImport?: string;
  readonly erreursObtenues: number;
  /** REMB's erreurs that match an expected one (same row, column and article). */
  readonly erreursJustes: number;
  readonly erreursAttendues: number;
  /** Expected erreurs REMB found. */
  readonly erreursTrouvees: number;
  readonly faussesErreurs: readonly string[];
  readonly erreursManquees: readonly string[];
  readonly lignesAttendues: number;
  readonly lignesJustes: number;
  readonly lignesFausses: readonly LigneFausse[];
  readonly cellules: number;
  readonly cellulesLues: number;
  readonly cellulesNonLues: readonly CelluleNonLue[];
  readonly rapport?: RapportVerification;
  readonly grille?: Grille;
}

export function mesurer(g: GrilleCorpus): Mesure {
  const a = g.attendu;
  const options: OptionsImport = {
    ...(a.options?.collectif !== undefined ? { collectif: a.options.collectif } : {}),
    ...(a.options?.responsable !== undefined ? { responsable: a.options.responsable } : {}),
  };
  const attenduesLignes = Object.entries(a.lignes);
  const vide = {
    id: g.id,
    verdictAttendu: a.verdict,
    erreursObtenues: 0,
    erreursJustes: 0,
    erreursAttendues: a.erreurs.length,
    erreursTrouvees: 0,
    faussesErreurs: [],
    erreursManquees: a.erreurs.map(decrireAttendu),
    lignesAttendues: attenduesLignes.length,
    lignesJustes: 0,
    lignesFausses: [],
    cellules: 0,
    cellulesLues: 0,
    cellulesNonLues: [],
  };
  let grille: Grille;
  try {
    grille = grilleDepuisCsv(g.csv, options);
  } catch (e) {
    return { ...vide, echecImport: (e as Error).message };
  }
  const rapport = verifierGrille(grille, { date: jourDepuisIso(a.dateContrat) });
  const verdictObtenu: Verdict = rapport.erreurs > 0 ? "non-conforme" : grille.responsable === false ? "non-responsable" : "conforme";

  // Erreurs: matched on (row, column, article); a finding about a whole line matches any cell of that row.
  const obtenues = rapport.constats.filter((c) => c.gravite === "erreur");
  const colonneDe = (c: (typeof obtenues)[number]) => (c.niveau === undefined ? undefined : position(c.adresse)?.colonne);
  const correspond = (o: (typeof obtenues)[number], e: ConstatAttendu) => {
    if (e.regle !== undefined && article(o.regle) !== article(e.regle)) return false;
    const pe = position(e.cellule);
    const po = position(o.adresse);
    if (pe === undefined || po === undefined) return pe === undefined && (o.ligne === undefined || po === undefined);
    if (pe.ligne !== po.ligne) return false;
    const co = colonneDe(o);
    return co === undefined || co === pe.colonne;
  };
  const justes = obtenues.filter((o) => a.erreurs.some((e) => correspond(o, e)));
  const trouvees = a.erreurs.filter((e) => obtenues.some((o) => correspond(o, e)));

  // Lines: the expected poste of each listed row against what REMB attached to it.
  // A row REMB splits into its doctors' sectors (« CAS 80 % Hors CAS 60 % ») gives two lines: right when one of them
  // is the expected poste, or when the expected poste is the kind of act both lines refine (« soins.consultations »).
  const parLigne = new Map<number, Ligne[]>();
  for (const l of grille.lignes) parLigne.set(l.ligne, [...(parLigne.get(l.ligne) ?? []), l]);
  const lignesFausses: LigneFausse[] = [];
  for (const [n, attendu] of attenduesLignes) {
    const ls = parLigne.get(Number(n)) ?? [];
    const codes = ls.map((l) => (l.attribut ? "attribut" : (l.poste ?? "(aucun poste)")));
    const obtenu = ls.length === 0 ? "(pas une ligne)" : codes.join(" + ");
    // A line the catalogue has no poste for is read right when REMB attaches none (kept, reported as unknown), wrong
    // when it files it under some poste.
    const juste = attendu.startsWith("hors-catalogue")
      ? codes.length > 0 && codes.every((c) => c === "(aucun poste)")
      : codes.some((c) => c === attendu || (EQUIVALENTS[attendu]?.includes(c) ?? false) || (ls.length > 1 && posteParCode(c)?.paire === attendu));
    if (!juste) lignesFausses.push({ ligne: Number(n), attendu, obtenu, libelle: ls[0]?.libelle ?? "" });
  }

  // Cells: every printed guarantee cell of a care line is read or not.
  const nonLues: CelluleNonLue[] = [];
  let cellules = 0;
  for (const l of grille.lignes) {
    if (l.attribut) continue;
    for (const c of l.cellules) {
      if (c.texte.trim() === "") continue;
      cellules++;
      if (c.erreur) nonLues.push({ adresse: c.adresse ?? `ligne ${l.ligne}`, texte: c.texte, message: c.erreur.message });
    }
  }

  return {
    ...vide,
    verdictObtenu,
    erreursObtenues: obtenues.length,
    erreursJustes: justes.length,
    erreursTrouvees: trouvees.length,
    faussesErreurs: obtenues.filter((o) => !justes.includes(o)).map((o) => `${o.adresse ?? "(grille)"} ${o.regle} « ${o.valeur ?? ""} » : ${o.message}`),
    erreursManquees: a.erreurs.filter((e) => !trouvees.includes(e)).map(decrireAttendu),
    lignesJustes: attenduesLignes.length - lignesFausses.length,
    lignesFausses,
    cellules,
    cellulesLues: cellules - nonLues.length,
    cellulesNonLues: nonLues,
    rapport,
    grille,
  };
}

function decrireAttendu(e: ConstatAttendu): string {
  return `${e.cellule ?? "(grille)"} ${e.regle ?? ""} : ${e.motif}`;
}

export interface Totaux {
  readonly grilles: number;
  readonly verdictsJustes: number;
  readonly erreursObtenues: number;
  readonly erreursJustes: number;
  readonly erreursAttendues: number;
  readonly erreursTrouvees: number;
  readonly lignesAttendues: number;
  readonly lignesJustes: number;
  readonly cellules: number;
  readonly cellulesLues: number;
}

export function totaliser(ms: readonly Mesure[]): Totaux {
  const s = (f: (m: Mesure) => number) => ms.reduce((t, m) => t + f(m), 0);
  return {
    grilles: ms.length,
    verdictsJustes: ms.filter((m) => m.verdictObtenu === m.verdictAttendu).length,
    erreursObtenues: s((m) => m.erreursObtenues),
    erreursJustes: s((m) => m.erreursJustes),
    erreursAttendues: s((m) => m.erreursAttendues),
    erreursTrouvees: s((m) => m.erreursTrouvees),
    lignesAttendues: s((m) => m.lignesAttendues),
    lignesJustes: s((m) => m.lignesJustes),
    cellules: s((m) => m.cellules),
    cellulesLues: s((m) => m.cellulesLues),
  };
}

/** A ratio as a percentage; 100 % when there is nothing to count (no erreur found: precision is not at stake). */
export function taux(n: number, d: number): number {
  return d === 0 ? 100 : (100 * n) / d;
}

export interface Indicateurs {
  readonly verdicts: number;
  readonly precision: number;
  readonly rappel: number;
  readonly postes: number;
  readonly cellules: number;
}

export function indicateurs(t: Totaux): Indicateurs {
  return {
    verdicts: taux(t.verdictsJustes, t.grilles),
    precision: taux(t.erreursJustes, t.erreursObtenues),
    rappel: taux(t.erreursTrouvees, t.erreursAttendues),
    postes: taux(t.lignesJustes, t.lignesAttendues),
    cellules: taux(t.cellulesLues, t.cellules),
  };
}

/** The targets of the real-grids issue. */
export const CIBLES: Indicateurs = { verdicts: 95, precision: 97, rappel: 90, postes: 95, cellules: 98 };
