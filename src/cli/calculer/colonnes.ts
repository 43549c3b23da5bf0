import type { IndexColonnes } from "./config";

/**
 * Which column of the claims table holds what. Each field has the names REMB recognises by itself (folded: case,
 * accents, spaces and underscores ignored); `--colonne champ=Nom` or a mapping file names the others. A field REMB
 * needs and cannot find is a usage error that lists the table's columns.
 */

export type Champ = keyof IndexColonnes;

export const CHAMPS: readonly Champ[] = [
  "date",
  "frais",
  "base",
  "tauxRo",
  "poste",
  "garantie",
  "secteur",
  "retenue",
  "beneficiaire",
  "panier",
  "acteLourd",
  "dateContrat",
];

/** The name of each field on the command line and in mapping files. */
export const NOM_CHAMP: Readonly<Record<Champ, string>> = {
  date: "date",
  frais: "frais",
  base: "base",
  tauxRo: "taux_ro",
  poste: "poste",
  garantie: "garantie",
  secteur: "secteur",
  retenue: "retenue",
  beneficiaire: "beneficiaire",
  panier: "panier",
  acteLourd: "acte_lourd",
  dateContrat: "date_contrat",
};

const SYNONYMES: Readonly<Record<Champ, readonly string[]>> = {
  date: ["date", "date soins", "date des soins", "date soin", "date de soins", "dt soins", "date acte", "date de l acte"],
  frais: ["frais", "fr", "frais reels", "montant", "montant frais", "depense", "depense engagee", "montant depense", "honoraires"],
  base: ["base", "br", "base remboursement", "base de remboursement", "brss", "tarif de responsabilite"],
  tauxRo: ["taux ro", "taux", "taux remboursement", "taux de remboursement", "taux amo", "taux secu"],
  poste: ["poste", "code poste", "poste remb"],
  garantie: ["garantie", "garantie contrat"],
  secteur: ["secteur", "optam", "secteur medecin"],
  retenue: ["retenue", "participation forfaitaire", "franchise", "pf franchise"],
  beneficiaire: ["beneficiaire", "id beneficiaire", "assure", "id assure", "num beneficiaire", "identifiant"],
  panier: ["panier", "panier dentaire"],
  acteLourd: ["acte lourd", "acte_lourd"],
  dateContrat: ["date contrat", "date du contrat", "date effet contrat"],
};

export function plier(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[_\-.'’/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A field name as typed (« taux_ro », « tauxRo », « taux ro »). */
export function champDepuisNom(nom: string): Champ | undefined {
  const p = plier(nom).replace(/ /g, "");
  return CHAMPS.find((c) => plier(NOM_CHAMP[c]).replace(/ /g, "") === p || c.toLowerCase() === p);
}

/**
 * The index of each field in `entete`. `noms`: the fields named by the user (exact header, or folded). Returns the
 * index or the French message of a usage error.
 */
export function resoudreColonnes(entete: readonly string[], noms: ReadonlyMap<Champ, string>, avecGrille: boolean): IndexColonnes | string {
  const plies = entete.map(plier);
  const index: Record<string, number> = {};
  const pris = new Set<number>();
  for (const c of CHAMPS) {
    const nom = noms.get(c);
    if (nom !== undefined) {
      let i = entete.indexOf(nom);
      if (i < 0) i = plies.indexOf(plier(nom));
      if (i < 0) return `colonne « ${nom} » (${NOM_CHAMP[c]}) absente de la table — colonnes : ${liste(entete)}.`;
      index[c] = i;
      pris.add(i);
    }
  }
  for (const c of CHAMPS) {
    if (index[c] !== undefined) continue;
    const i = plies.findIndex((p, k) => !pris.has(k) && SYNONYMES[c].includes(p));
    index[c] = i;
    if (i >= 0) pris.add(i);
  }
  const manque = (["date", "frais", "base"] as const).filter((c) => index[c]! < 0);
  if (manque.length > 0) {
    return `colonne(s) ${manque.map((c) => `« ${NOM_CHAMP[c]} »`).join(", ")} introuvable(s) — colonnes de la table : ${liste(entete)}. Nommez-les avec --colonne ${NOM_CHAMP[manque[0]!]}=NOM ou un fichier --colonnes.`;
  }
  if (index.garantie! < 0 && !avecGrille) return "ni grille (--grille … --niveau …) ni colonne « garantie » : REMB ne sait pas quelle garantie appliquer.";
  if (index.garantie! < 0 && index.poste! < 0)
    return `colonne « poste » introuvable : avec une grille, chaque ligne doit dire son poste (code du catalogue, ou valeur traduite par le fichier --colonnes) — colonnes : ${liste(entete)}.`;
  return index as unknown as IndexColonnes;
}

function liste(entete: readonly string[]): string {
  const l = entete.slice(0, 30).map((e) => `« ${e} »`);
  return l.join(", ") + (entete.length > 30 ? "…" : "");
}

export interface FichierColonnes {
  readonly colonnes: Map<Champ, string>;
  /** Values of the poste column → catalogue codes. */
  readonly postes: [string, string][];
}

/**
 * A mapping file: JSON `{ "colonnes": { "date": "DT_SOINS", … }, "postes": { "G": "soins.generaliste.optam", … } }`
 * (or the columns object alone), or CSV lines `champ;colonne` (and `poste:VALEUR;code`). Returns it or a message.
 */
export function lireFichierColonnes(texte: string): FichierColonnes | string {
  const colonnes = new Map<Champ, string>();
  const postes: [string, string][] = [];
  const t = texte.replace(/^\ufeff/, "").trim();
  const ajouter = (champ: string, col: unknown): string | null => {
    const c = champDepuisNom(champ);
    if (c === undefined) return `champ inconnu « ${champ} » — champs : ${CHAMPS.map((x) => NOM_CHAMP[x]).join(", ")}.`;
    if (typeof col !== "string" || col === "") return `le champ « ${champ} » doit nommer une colonne (texte).`;
    colonnes.set(c, col);
    return null;
  };
  if (t.startsWith("{")) {
    let j: unknown;
    try {
      j = JSON.parse(t);
    } catch (e) {
      return `JSON invalide : ${(e as Error).message}`;
    }
    const o = j as Record<string, unknown>;
    const cols = (o.colonnes ?? (o.postes === undefined ? o : {})) as Record<string, unknown>;
    if (typeof cols !== "object" || cols === null) return "« colonnes » doit être un objet { champ: colonne }.";
    for (const [k, v] of Object.entries(cols)) {
      const m = ajouter(k, v);
      if (m !== null) return m;
    }
    if (o.postes !== undefined) {
      if (typeof o.postes !== "object" || o.postes === null) return "« postes » doit être un objet { valeur: code du poste }.";
      for (const [k, v] of Object.entries(o.postes as Record<string, unknown>)) {
        if (typeof v !== "string") return `poste de « ${k} » : un code du catalogue (texte) est attendu.`;
        postes.push([k, v]);
      }
    }
    return { colonnes, postes };
  }
  for (const [n, l] of t.split(/\r?\n/).entries()) {
    if (l.trim() === "" || l.startsWith("#")) continue;
    const [a, b] = l.split(/[;,\t]/).map((x) => x.trim().replace(/^"|"$/g, ""));
    if (a === undefined || b === undefined) return `ligne ${n + 1} : « champ;colonne » attendu.`;
    if (a.toLowerCase().startsWith("poste:")) postes.push([a.slice(6), b]);
    else {
      const m = ajouter(a, b);
      if (m !== null) return `ligne ${n + 1} : ${m}`;
    }
  }
  return { colonnes, postes };
}
