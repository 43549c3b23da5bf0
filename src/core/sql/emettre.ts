import { argumentInvalide } from "../errors";
import { isoDepuisJour, jourDepuisCivil, civilDepuisJour, type Jour } from "../dates";
import { tauxEnTexte, type Cents, type Taux } from "../money";
import { parametres } from "../params";
import type { Formule, Garantie, Terme, TermePeriode } from "../garantie";
import type { Bareme, PosteBareme } from "../bareme";

/**
 * The soins computation of a barème as one standard SQL query over a claims table: RO brut with the dated AMO rate,
 * PF or franchise by date, the guarantee of each poste, the non-OPTAM cap (R871-2 2°) by contract date, RC and RAC,
 * each rounding step as REMB does it (half up to the cent, on exact decimals). The dated parameters travel with the
 * query as a small values table (one row per period in which none of them changes), so the query needs nothing but
 * the claims table: DuckDB runs it in REMB's tests, a warehouse or Spark SQL runs it as it is (docs/calcul.md).
 *
 * SQL used: WITH, (VALUES …) AS t(…), LEFT JOIN on the year and a date range (an equality lets engines hash-join ten
 * million lines with the few periods of their year instead of sorting them), EXTRACT(YEAR FROM …), CASE, CAST to BIGINT and DECIMAL, ROUND(decimal, 0),
 * LEAST, GREATEST, COALESCE, TRIM, UPPER. Amounts are computed in whole cents (BIGINT); a product by a rate is
 * CAST(ROUND(CAST(cents AS DECIMAL(18,0)) * rate, 0) AS BIGINT), exact in DECIMAL arithmetic (precision ≤ 38 in
 * every engine) and rounded half up as ROUND does on decimals.
 *
 * Scope: the postes the core computes with calculerSoins (soins, pharmacie); a line on another poste is kept with a
 * reason in remb_rejet, as is every line the core would refuse (amounts, date, rate, sector, retenue, parameters).
 */

export interface ColonnesSql {
  readonly date: string;
  readonly frais: string;
  readonly base: string;
  readonly poste: string;
  /** Absent: the poste's dated rate. */
  readonly tauxRo?: string;
  readonly secteur?: string;
  readonly retenue?: string;
  readonly dateContrat?: string;
}

export interface OptionsSql {
  /** The claims table (or view) name. */
  readonly table: string;
  readonly colonnes?: Partial<ColonnesSql>;
  /** Wrap the query in CREATE OR REPLACE VIEW <vue> AS … */
  readonly vue?: string;
  /** The contract's status (default: the barème's). */
  readonly responsable?: boolean;
}

export const COLONNES_SQL_DEFAUT: ColonnesSql = {
  date: "date_soins",
  frais: "frais",
  base: "base",
  poste: "poste",
  tauxRo: "taux_ro",
  secteur: "secteur",
  retenue: "retenue",
};

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function identifiant(x: string, quoi: string): string {
  if (!IDENT.test(x))
    throw argumentInvalide(`Nom SQL invalide pour ${quoi} : « ${x} » — lettres, chiffres et « _ » seulement (renommez la colonne ou créez une vue).`);
  return x;
}

function chaine(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The SQL expression of a rate, as an exact decimal. */
function taux(t: Taux): string {
  if (t.exp > 10 || t.num < 0) throw argumentInvalide(`Taux hors de la portée du SQL émis : ${tauxEnTexte(t)} (10 décimales au plus).`);
  return `CAST(${tauxEnTexte(t)} AS DECIMAL(18,10))`;
}

/** Half-up cents × rate: `rate` is a DECIMAL(18,10) SQL expression. */
function arrondi(cents: string, rate: string): string {
  return `CAST(ROUND(CAST(${cents} AS DECIMAL(18,0)) * ${rate}, 0) AS BIGINT)`;
}

const RETENUES: readonly (readonly [string, string])[] = [
  ["PF", "pf.montant"],
  ["FRANCHISE", "franchise.acte_auxiliaire"],
  ["FRANCHISE-MEDICAMENT", "franchise.medicament"],
  ["FRANCHISE-TRANSPORT", "franchise.transport"],
];
const PLAFOND = "responsable.non_dptm.plafond_depassement";
const PRESCRIT = "ro.prescripteur_non_conventionne.rembourse";

/**
 * Care prescribed by a doctor outside the convention (secteur « PRESCRIT-NON-CONVENTIONNE »): the SQL condition on the
 * care date under which the law gives it no RO (the periods where the dated parameter is false, as calculerSoins reads
 * it), and the first date the parameter has a value (before it, the core refuses the line).
 */
function exclusionPrescrit(): { sansRo: string; debut: Jour } {
  const debuts = [
    ...new Set(
      parametres
        .definition(PRESCRIT)
        .valeurs.filter((v) => !v.annonce)
        .map((v) => v.debut),
    ),
  ].sort((x, y) => x - y);
  const conditions: string[] = [];
  debuts.forEach((d, i) => {
    if (parametres.valeurDatee(PRESCRIT, d).valeur !== false) return;
    const fin = debuts[i + 1];
    conditions.push(
      fin === undefined ? `remb_date >= DATE '${isoDepuisJour(d)}'` : `(remb_date >= DATE '${isoDepuisJour(d)}' AND remb_date < DATE '${isoDepuisJour(fin)}')`,
    );
  });
  return { sansRo: conditions.length === 0 ? "FALSE" : conditions.join(" OR "), debut: debuts[0]! };
}
const ECART = "responsable.non_dptm.ecart_min";

function colonneParametre(nom: string): string {
  return `p_${nom.replace(/[^A-Za-z0-9]/g, "_")}`;
}

interface Vars {
  readonly base: string;
  readonly fr: string;
  readonly ro: string;
  readonly pmss: string;
  readonly plafond: string;
}

/** G of one guarantee for soins lines (one unit, no PLV/HLF/frame: what calculerSoins passes), or why not. */
function garantieSql(g: Garantie, v: Vars): { expr: string; rejet?: string; conditions: [string, string][] } {
  switch (g.type) {
    case "neant":
      return { expr: "0", conditions: [] };
    case "service":
      return { expr: "CAST(NULL AS BIGINT)", rejet: `Garantie non monétaire (« ${g.texte} ») : aucun montant à calculer.`, conditions: [] };
    case "renvoi":
      return { expr: "CAST(NULL AS BIGINT)", rejet: `Garantie non monétaire (« Voir ${g.vers} ») : aucun montant à calculer.`, conditions: [] };
    case "formule":
      return formuleSql(g, v);
  }
}

function formuleSql(f: Formule, v: Vars): { expr: string; rejet?: string; conditions: [string, string][] } {
  const conditions: [string, string][] = [];
  let rejet: string | undefined;
  const somme = (termes: readonly TermePeriode[]): string => {
    const parts: string[] = [];
    let tm = false;
    for (const tp of termes) {
      const t: Terme = tp.terme;
      if (t.type === "montant") parts.push(String(t.cents));
      else if (t.type === "plafondLegal") {
        parts.push(v.plafond);
        conditions.push([
          `${v.plafond} IS NULL`,
          "Garantie « dans la limite des plafonds du contrat responsable » : aucun plafond légal ne s'applique à cette ligne.",
        ]);
      } else {
        switch (t.base) {
          case "BR":
            parts.push(arrondi(v.base, taux(t.taux)));
            break;
          case "FR":
            parts.push(arrondi(v.fr, taux(t.taux)));
            break;
          case "TM":
            tm = true;
            parts.push(arrondi(`(${v.base} - ${v.ro})`, taux(t.taux)));
            break;
          case "PMSS":
            parts.push(arrondi(v.pmss, taux(t.taux)));
            conditions.push([`${v.pmss} IS NULL`, "PMSS sans valeur pour l'année des soins (paramètre pmss)."]);
            break;
          case "PLV":
            rejet ??= "Garantie exprimée en % du PLV : le prix limite de vente de cet article n'est pas connu.";
            break;
          case "HLF":
            rejet ??= "Garantie exprimée en % des HLF : les honoraires limites de facturation de cet acte ne sont pas connus.";
            break;
        }
      }
    }
    if (tm && f.convention === "RO_INCLUS") parts.push(v.ro);
    return parts.length === 0 ? "0" : parts.length === 1 ? parts[0]! : `(${parts.join(" + ")})`;
  };
  // One line is one unit: per-unit amounts count once, a count (« max 4 / an ») and a frame share change nothing.
  let expr = somme(f.termes);
  // « avec un minimum de … », then the limit caps it (evaluer.ts's order).
  if (f.minimum !== undefined) expr = `GREATEST(${expr}, ${somme(f.minimum)})`;
  if (f.limite !== undefined) expr = `LEAST(${expr}, ${somme(f.limite)})`;
  if (f.convention === "RO_EN_SUS") expr = `(${v.ro} + ${expr})`;
  return rejet !== undefined ? { expr: "CAST(NULL AS BIGINT)", rejet, conditions } : { expr, conditions };
}

/** The periods over which none of the parameters changes, with their values (NULL: none at that date). */
function periodes(noms: readonly string[]): { annee: number; debut: Jour; fin: Jour; valeurs: (string | null)[]; pmss: string | null }[] {
  const bornes = new Set<Jour>();
  let min = Infinity;
  let maxChangement = -Infinity;
  for (const n of [...noms, "pmss"]) {
    for (const v of parametres.definition(n).valeurs) {
      if (v.annonce) continue;
      bornes.add(v.debut);
      if (v.debut < min) min = v.debut;
      if (v.debut > maxChangement) maxChangement = v.debut;
    }
  }
  // The PMSS of a line is the one of 1 January of its year: every 1 January is a boundary, up to the year after the
  // last change (later years all have the last value).
  const a0 = civilDepuisJour(min).annee;
  const a1 = civilDepuisJour(maxChangement).annee + 1;
  for (let a = a0 + 1; a <= a1; a++) bornes.add(jourDepuisCivil(a, 1, 1));
  // Before the first value of any parameter: a period with none, so a line that needs none is still computed.
  bornes.add(jourDepuisCivil(1900, 1, 1));
  const triees = [...bornes].sort((x, y) => x - y);
  const fin = jourDepuisCivil(9999, 12, 31);
  const lire = (n: string, j: Jour): string | null => {
    try {
      const def = parametres.definition(n);
      const val = parametres.valeur(n, j);
      if (def.unite === "EUR") return String(val as Cents);
      return tauxEnTexte(val as Taux);
    } catch {
      return null;
    }
  };
  // Every period lies within one calendar year (1 January is always a boundary), except the first, which runs from
  // 1900 to the first value of any parameter: its year is the one before that first boundary, and the join clamps
  // earlier years to it (see anneeMin in emettreSql).
  return triees.map((d, i) => ({
    annee: i === 0 ? civilDepuisJour(triees[1]! - 1).annee : civilDepuisJour(d).annee,
    debut: d,
    fin: triees[i + 1] ?? fin,
    valeurs: noms.map((n) => lire(n, d)),
    pmss: lire("pmss", jourDepuisCivil(civilDepuisJour(d).annee, 1, 1)),
  }));
}

/** The SQL of a barème's soins computation over `o.table`. */
export function emettreSql(b: Bareme, o: OptionsSql): string {
  const c: ColonnesSql = { ...COLONNES_SQL_DEFAUT, ...o.colonnes } as ColonnesSql;
  const table = identifiant(o.table, "la table des sinistres");
  for (const [k, x] of Object.entries(c)) if (x !== undefined) identifiant(x, `la colonne ${k}`);
  const responsable = o.responsable ?? b.responsable;
  const prescrit = exclusionPrescrit();
  const soins = [...b.postes.values()].filter((p) => p.calculateur === "soins");
  const autres = [...b.postes.values()].filter((p) => p.calculateur !== "soins");

  // Parameters: the AMO rates of the postes, the retenues, the non-OPTAM cap; PMSS apart (by year).
  const nomsTaux = [...new Set(soins.map((p) => p.tauxRo).filter((x): x is string => x !== undefined))].sort();
  const noms = [...nomsTaux, ...RETENUES.map(([, n]) => n), PLAFOND, ECART];
  const lignesP = periodes(noms);
  const colsP = ["annee", "debut", "fin", ...noms.map(colonneParametre), "p_pmss"];
  const anneeMin = lignesP[0]!.annee;
  const typeP = (n: string) => (parametres.definition(n).unite === "EUR" ? "BIGINT" : "DECIMAL(18,10)");
  const valeursP = lignesP
    .map((l, i) => {
      const vals = l.valeurs.map((x, k) =>
        x === null ? (i === 0 ? `CAST(NULL AS ${typeP(noms[k]!)})` : "NULL") : typeP(noms[k]!) === "BIGINT" ? x : `CAST(${x} AS DECIMAL(18,10))`,
      );
      const pmss = l.pmss === null ? (i === 0 ? "CAST(NULL AS BIGINT)" : "NULL") : l.pmss;
      return `    (${l.annee}, DATE '${isoDepuisJour(l.debut)}', DATE '${isoDepuisJour(l.fin)}', ${[...vals, pmss].join(", ")})`;
    })
    .join(",\n");

  const texte = (col: string | undefined) => (col === undefined ? "CAST(NULL AS VARCHAR(40))" : `UPPER(TRIM(CAST(c.${col} AS VARCHAR(200))))`);
  const casPoste = (f: (p: PosteBareme) => string | undefined, defaut = "NULL"): string => {
    const cas = soins.map((p) => [p, f(p)] as const).filter(([, x]) => x !== undefined);
    if (cas.length === 0) return defaut;
    return `CASE remb_poste\n${cas.map(([p, x]) => `        WHEN ${chaine(p.code)} THEN ${x}`).join("\n")}\n        ELSE ${defaut} END`;
  };

  // G for each poste (written, with the line's cap when it has one) and the OPTAM cell of the non-OPTAM postes.
  const vars: Vars = { base: "remb_base_cts", fr: "remb_fr_cts", ro: "remb_ro_brut_cts", pmss: "remb_pmss_cts", plafond: "remb_plafond_cts" };
  const varsOptam: Vars = { ...vars, fr: "(3 * remb_base_cts)", plafond: "CAST(NULL AS BIGINT)" };
  const garanties = new Map(soins.map((p) => [p.code, garantieSql(p.garantie, vars)]));
  const optams = new Map(soins.filter((p) => p.garantieOptam !== undefined).map((p) => [p.code, garantieSql(p.garantieOptam!, varsOptam)]));
  const mentionne = (g: Garantie) => g.type === "formule" && [...g.termes, ...(g.limite ?? [])].some((t) => t.terme.type === "plafondLegal");

  const secteurPoste = casPoste((p) => (p.secteur !== undefined ? chaine(p.secteur) : undefined), "'OPTAM'");
  const rejetsPoste = [...b.sansGarantie.values()]
    .map((s) => [s.code, s.raison] as const)
    .concat(
      autres.map(
        (p) =>
          [
            p.code,
            `le poste « ${p.code} » se calcule avec le calculateur « ${p.calculateur ?? "aucun"} » : hors du SQL émis (remb calculer le calcule)`,
          ] as const,
      ),
    );

  // The grid's title and level come from the user's file: in a comment, without line breaks or semicolons.
  const commentaire = (x: string) => x.replace(/[\r\n;]+/g, " ");
  const sql = `-- REMB : calcul des soins de la grille « ${commentaire(b.grille)} », niveau « ${commentaire(b.niveau)} »${responsable ? " (contrat responsable)" : " (contrat non responsable)"}.
-- Table des sinistres : ${table} (colonnes ${Object.values(c)
    .filter((x) => x !== undefined)
    .join(", ")}).
-- Montants en centimes entiers, arrondis au centime (demi-centime vers le haut) aux seules étapes nommées.
-- Généré par remb sql (documentation : docs/calcul.md). Aucun point-virgule avant la fin : spark-sql et les
-- clients qui découpent un fichier aux points-virgules lisent la requête entière.
WITH remb_parametres AS (
  SELECT * FROM (VALUES
${valeursP}
  ) AS v(${colsP.join(", ")})
),
remb_lignes AS (
  SELECT c.*,
    TRIM(CAST(c.${c.poste} AS VARCHAR(200))) AS remb_poste,
    CAST(c.${c.date} AS DATE) AS remb_date,
    ${c.dateContrat !== undefined ? `COALESCE(CAST(c.${c.dateContrat} AS DATE), CAST(c.${c.date} AS DATE))` : `CAST(c.${c.date} AS DATE)`} AS remb_date_contrat,
    CAST(CAST(c.${c.frais} AS DECIMAL(18,2)) * 100 AS BIGINT) AS remb_fr_cts,
    CAST(CAST(c.${c.base} AS DECIMAL(18,2)) * 100 AS BIGINT) AS remb_br_cts,
    ${c.tauxRo !== undefined ? `CAST(c.${c.tauxRo} AS DECIMAL(18,10))` : "CAST(NULL AS DECIMAL(18,10))"} AS remb_taux_ligne,
    ${texte(c.secteur)} AS remb_secteur_ligne,
    ${texte(c.retenue)} AS remb_retenue_ligne
  FROM ${table} c
),
remb_entrees AS (
  SELECT l.*,
    CASE WHEN remb_fr_cts < remb_br_cts THEN remb_fr_cts ELSE remb_br_cts END AS remb_base_cts,
    COALESCE(remb_taux_ligne, ${casPoste((p) => (p.tauxRo !== undefined ? `p.${colonneParametre(p.tauxRo)}` : undefined))}) AS remb_taux,
    CASE WHEN remb_secteur_ligne IS NULL OR remb_secteur_ligne = '' THEN ${secteurPoste} ELSE remb_secteur_ligne END AS remb_secteur,
    CASE WHEN remb_retenue_ligne IS NULL OR remb_retenue_ligne IN ('', 'AUCUNE') THEN 0
${RETENUES.map(([k, n]) => `      WHEN remb_retenue_ligne = ${chaine(k)} THEN p.${colonneParametre(n)}`).join("\n")}
      ELSE NULL END AS remb_retenue_unitaire_cts,
    p.p_pmss AS remb_pmss_cts,
    q.${colonneParametre(PLAFOND)} AS remb_taux_plafond,
    q.${colonneParametre(ECART)} AS remb_taux_ecart,
    p.debut AS remb_periode
  FROM remb_lignes l
  LEFT JOIN remb_parametres p
    ON GREATEST(EXTRACT(YEAR FROM l.remb_date), ${anneeMin}) = p.annee AND l.remb_date >= p.debut AND l.remb_date < p.fin
  LEFT JOIN remb_parametres q
    ON GREATEST(EXTRACT(YEAR FROM l.remb_date_contrat), ${anneeMin}) = q.annee AND l.remb_date_contrat >= q.debut AND l.remb_date_contrat < q.fin
),
remb_ro AS (
  SELECT e.*,
    ${arrondi("remb_base_cts", `CASE WHEN remb_secteur = 'PRESCRIT-NON-CONVENTIONNE' AND (${prescrit.sansRo}) THEN CAST(0 AS DECIMAL(18,10)) ELSE remb_taux END`)} AS remb_ro_brut_cts
  FROM remb_entrees e
),
remb_optam AS (
  SELECT r.*,
    ${casPoste((p) => {
      const g = optams.get(p.code);
      return g === undefined || g.rejet !== undefined ? undefined : `(${g.expr} - remb_base_cts)`;
    })} AS remb_depassement_optam_cts
  FROM remb_ro r
),
remb_plafond AS (
  SELECT o.*,
    CASE WHEN remb_secteur = 'NON-OPTAM' AND remb_base_cts > 0 AND (${responsable ? "TRUE" : "FALSE"} OR ${casPoste((p) => (mentionne(p.garantie) ? "TRUE" : undefined), "FALSE")})
      THEN remb_base_cts + GREATEST(0,
        CASE WHEN remb_depassement_optam_cts IS NOT NULL
              AND remb_depassement_optam_cts - ${arrondi("remb_base_cts", "remb_taux_ecart")} < ${arrondi("remb_base_cts", "remb_taux_plafond")}
          THEN remb_depassement_optam_cts - ${arrondi("remb_base_cts", "remb_taux_ecart")}
          ELSE ${arrondi("remb_base_cts", "remb_taux_plafond")} END)
      ELSE CAST(NULL AS BIGINT) END AS remb_plafond_cts
  FROM remb_optam o
),
remb_garantie AS (
  SELECT x.*,
    ${casPoste((p) => garanties.get(p.code)!.expr)} AS remb_garantie_ecrite_cts
  FROM remb_plafond x
),
remb_calcul AS (
  SELECT g.*,
    CASE WHEN ${responsable ? "TRUE" : "FALSE"} AND remb_plafond_cts IS NOT NULL AND remb_garantie_ecrite_cts > remb_plafond_cts
      THEN remb_plafond_cts ELSE remb_garantie_ecrite_cts END AS remb_garantie_cts,
    CASE WHEN remb_retenue_unitaire_cts < remb_ro_brut_cts THEN remb_retenue_unitaire_cts ELSE remb_ro_brut_cts END AS remb_retenue_cts,
    CASE
      WHEN remb_poste IS NULL OR remb_poste = '' THEN 'poste manquant'
${rejetsPoste.map(([k, r]) => `      WHEN remb_poste = ${chaine(k)} THEN ${chaine(r)}`).join("\n")}
      WHEN remb_poste NOT IN (${soins.length > 0 ? soins.map((p) => chaine(p.code)).join(", ") : "''"}) THEN 'poste inconnu : un code du catalogue REMB est attendu'
      WHEN remb_fr_cts IS NULL THEN 'frais réels manquants'
      WHEN remb_fr_cts < 0 THEN 'frais réels négatifs'
      WHEN remb_br_cts IS NULL THEN 'base de remboursement manquante'
      WHEN remb_br_cts < 0 THEN 'base de remboursement négative'
      WHEN remb_date IS NULL THEN 'date des soins manquante'
      WHEN remb_periode IS NULL THEN 'date des soins hors des paramètres datés de REMB'
      WHEN remb_taux IS NULL THEN 'taux de remboursement du RO manquant'
      WHEN remb_taux < 0 OR remb_taux > 1 THEN 'taux de remboursement du RO négatif ou supérieur à 1 (taux décimal attendu)'
      WHEN remb_secteur NOT IN ('OPTAM', 'NON-OPTAM', 'PRESCRIT-NON-CONVENTIONNE') THEN 'secteur inconnu : OPTAM, NON-OPTAM ou PRESCRIT-NON-CONVENTIONNE attendu'
      WHEN remb_secteur = 'PRESCRIT-NON-CONVENTIONNE' AND remb_date < DATE '${isoDepuisJour(prescrit.debut)}' THEN 'soin prescrit par un médecin non conventionné : règle sans valeur à la date des soins'
      WHEN remb_retenue_unitaire_cts IS NULL THEN 'retenue inconnue (PF, FRANCHISE, FRANCHISE-MEDICAMENT, FRANCHISE-TRANSPORT, AUCUNE) ou sans valeur à la date des soins'
      WHEN remb_secteur = 'NON-OPTAM' AND remb_base_cts > 0 AND remb_taux_plafond IS NULL AND (${responsable ? "TRUE" : "FALSE"} OR ${casPoste((p) => (mentionne(p.garantie) ? "TRUE" : undefined), "FALSE")})
        THEN 'plafond non-OPTAM sans valeur à la date du contrat (régime antérieur à 2015 non modélisé)'
${soins
  .flatMap((p) => {
    const g = garanties.get(p.code)!;
    const l: string[] = [];
    if (g.rejet !== undefined) l.push(`      WHEN remb_poste = ${chaine(p.code)} THEN ${chaine(g.rejet)}`);
    for (const [cond, r] of g.conditions) l.push(`      WHEN remb_poste = ${chaine(p.code)} AND ${cond} THEN ${chaine(r)}`);
    // The OPTAM cell is evaluated for the cap of a non-OPTAM line: what stops it stops the line.
    const o = optams.get(p.code);
    const cap = `remb_secteur = 'NON-OPTAM' AND remb_base_cts > 0 AND (${responsable ? "TRUE" : "FALSE"}${mentionne(p.garantie) ? " OR TRUE" : ""})`;
    if (o?.rejet !== undefined) l.push(`      WHEN remb_poste = ${chaine(p.code)} AND ${cap} THEN ${chaine(o.rejet)}`);
    for (const [cond, r] of o?.conditions ?? []) l.push(`      WHEN remb_poste = ${chaine(p.code)} AND ${cap} AND ${cond} THEN ${chaine(r)}`);
    return l;
  })
  .join("\n")}
      ELSE NULL END AS remb_rejet
  FROM remb_garantie g
)
SELECT k.*,
  CASE WHEN remb_rejet IS NULL THEN CAST(CAST(remb_ro_brut_cts - remb_retenue_cts AS DECIMAL(18,0)) * CAST(0.01 AS DECIMAL(3,2)) AS DECIMAL(18,2)) END AS remb_ro,
  CASE WHEN remb_rejet IS NULL THEN CAST(CAST(GREATEST(0, LEAST(remb_garantie_cts, remb_fr_cts) - remb_ro_brut_cts) AS DECIMAL(18,0)) * CAST(0.01 AS DECIMAL(3,2)) AS DECIMAL(18,2)) END AS remb_rc,
  CASE WHEN remb_rejet IS NULL THEN CAST(CAST(remb_fr_cts - (remb_ro_brut_cts - remb_retenue_cts) - GREATEST(0, LEAST(remb_garantie_cts, remb_fr_cts) - remb_ro_brut_cts) AS DECIMAL(18,0)) * CAST(0.01 AS DECIMAL(3,2)) AS DECIMAL(18,2)) END AS remb_rac
FROM remb_calcul k
`;
  return o.vue !== undefined ? `CREATE OR REPLACE VIEW ${identifiant(o.vue, "la vue")} AS\n${sql.trimEnd()};\n` : `${sql.trimEnd()};\n`;
}
