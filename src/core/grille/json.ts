import { jourDepuisIso, isoDepuisJour, type Jour } from "../dates";
import { RembError } from "../errors";
import { unparseGarantie } from "../garantie";
import { SECTIONS, estCodePoste, posteParCode, reconnaitrePoste, sectionDeTitre, type CodePoste, type Poste, type Section } from "../postes";
import { lireCellule, signalerNettoyage, court, type Alerter } from "./cellule";
import { decoderOctets } from "./decodage";
import { LIMITES, tailleFr } from "./limites";
import { lireGarantie } from "./lire-garantie";
import type { AlerteImport, Cellule, ConventionSocle, Grille, Ligne, Niveau, ReconnaissanceLigne, TypeNiveau, VarianteReseau } from "./modele";
import { analyserEntete, familleDe } from "./niveaux";
import type { UniteNombres } from "./nombre";
import { nombreFr, nettoyerTexte, valeurCellule } from "./valeur-cellule";

/**
 * The REMB JSON grid format (docs/format-grille.md « Format JSON »), version 1:
 *
 *   { "format": "remb-grille", "version": 1, "nom": "…", "dateEffet": "AAAA-MM-JJ", "responsable": true,
 *     "collectif": false, "nombres": "pourcentage" | "multiple" | "euros" (optional),
 *     "niveaux": [ "Niveau 1" | { "nom", "type"?, "variante"?, "famille"?, "inclut"?, "convention"? } … ],
 *     "lignes": [ { "libelle", "section"?, "intertitre"?, "poste"?, "garanties": [ … ] | { "<niveau>": … } } … ] }
 *
 * Guarantees are texts in the guarantee language (« 150 % BR », « 50 € / nuit », « Néant »); a number is read
 * like an unformatted spreadsheet number; null or "" is « Néant ». `poste` (a catalogue code) is optional: when
 * absent, the label is recognised as in a spreadsheet. Every error names its path (« lignes[3].garanties »).
 */
export interface GrilleJson {
  readonly format: "remb-grille";
  readonly version: 1;
  readonly nom: string;
  readonly dateEffet?: string;
  readonly responsable?: boolean;
  readonly collectif?: boolean;
  readonly nombres?: UniteNombres;
  readonly niveaux: readonly (string | NiveauJson)[];
  readonly lignes: readonly LigneJson[];
}

export interface NiveauJson {
  readonly nom: string;
  readonly type?: TypeNiveau;
  readonly variante?: VarianteReseau;
  readonly famille?: string;
  /** Name of the level this one includes (options, surcomplémentaires). */
  readonly inclut?: string;
  readonly convention?: ConventionSocle;
}

export interface LigneJson {
  readonly libelle: string;
  /** A section id (« optique ») or a heading (« Optique »). */
  readonly section?: string;
  readonly intertitre?: string;
  readonly poste?: CodePoste | null;
  readonly garanties: readonly (string | number | null)[] | Readonly<Record<string, string | number | null>>;
}

const LIGNES_MAX = LIMITES.lignes;
const NIVEAUX_MAX = LIMITES.colonnes;

/** Reads a grid in the REMB JSON format: the parsed object, its text, or the file's bytes. */
export function grilleDepuisJson(json: unknown): Grille {
  const racine = analyserJson(json);
  const alertes: AlerteImport[] = [];
  const alerter: Alerter = (code, gravite, message, lieu) => alertes.push({ code, gravite, message, ...lieu });
  const r = objet(racine, "la grille");
  if (r.format !== undefined && r.format !== "remb-grille") erreur("format", `« remb-grille » est attendu, pas ${decrire(r.format)}`);
  if (r.version !== undefined && r.version !== 1)
    erreur("version", `la version 1 est attendue, pas ${typeof r.version === "number" ? `la version ${r.version}` : decrire(r.version)}`);
  const nom = r.nom === undefined ? "Grille" : texte(r.nom, "nom");
  let dateEffet: Jour | undefined;
  if (r.dateEffet !== undefined && r.dateEffet !== null) {
    try {
      dateEffet = jourDepuisIso(texte(r.dateEffet, "dateEffet"));
    } catch {
      erreur("dateEffet", `une date AAAA-MM-JJ existante est attendue (« 2026-01-01 »), pas ${decrire(r.dateEffet)}`);
    }
  }
  const responsable = booleen(r.responsable, "responsable");
  const collectif = booleen(r.collectif, "collectif");
  const nombres = r.nombres === undefined ? undefined : choix(r.nombres, "nombres", ["pourcentage", "multiple", "euros"] as const);
  const niveaux = lireNiveaux(r.niveaux);
  const lignes = lireLignes(r.lignes, niveaux, nombres, alerter);
  return {
    nom,
    ...(dateEffet !== undefined ? { dateEffet } : {}),
    ...(responsable !== undefined ? { responsable } : {}),
    ...(collectif !== undefined ? { collectif } : {}),
    niveaux,
    lignes,
    source: { format: "json" },
    alertes,
  };
}

function analyserJson(json: unknown): unknown {
  const taille = json instanceof Uint8Array || typeof json === "string" ? json.length : 0;
  if (taille > LIMITES.octetsTexte) {
    throw new RembError(
      "ARGUMENT_INVALIDE",
      `Fichier JSON trop gros (${tailleFr(taille)}) : au plus ${tailleFr(LIMITES.octetsTexte)} pour une grille, qui fait d'ordinaire quelques dizaines de Ko.`,
    );
  }
  if (json instanceof Uint8Array) json = decoderOctets(json).texte;
  if (typeof json !== "string") return json;
  const t = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  if (t.trim() === "") throw new RembError("ARGUMENT_INVALIDE", "Fichier vide : aucun JSON à lire.");
  verifierImbrication(t);
  try {
    return JSON.parse(t);
  } catch (e) {
    throw new RembError("ARGUMENT_INVALIDE", `JSON invalide : ${syntaxeJson(t, (e as Error).message ?? "")}.`);
  }
}

/** A grid nests four levels (grid, lines, line, guarantees); JSON.parse would build millions of nested arrays first. */
const IMBRICATION_MAX = 32;

function verifierImbrication(t: string): void {
  let profondeur = 0;
  let dansTexte = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (dansTexte) {
      if (c === 0x5c) i++;
      else if (c === 0x22) dansTexte = false;
    } else if (c === 0x22) dansTexte = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++profondeur > IMBRICATION_MAX) {
        const ligne = (t.slice(0, i).match(/\n/g) ?? []).length + 1;
        throw new RembError(
          "ARGUMENT_INVALIDE",
          `JSON invalide : plus de ${IMBRICATION_MAX} niveaux de crochets ou d'accolades imbriqués (ligne ${ligne}) ; une grille en a quatre.`,
        );
      }
    } else if (c === 0x5d || c === 0x7d) profondeur--;
  }
}

/**
 * JSON.parse's English message in French, with the line and column of the fault: « Unexpected end of JSON input »,
 * « Expected ',' or '}' after property value in JSON at position 12 »…
 */
function syntaxeJson(t: string, message: string): string {
  const m = /\bposition (\d+)/.exec(message);
  let ou = "";
  if (m) {
    const p = Math.min(Number(m[1]), t.length);
    const avant = t.slice(0, p);
    const ligne = (avant.match(/\n/g) ?? []).length + 1;
    ou = ` (ligne ${ligne}, colonne ${p - avant.lastIndexOf("\n")})`;
  }
  const finDuTexte = m !== null && Number(m[1]) >= t.trimEnd().length;
  if (finDuTexte || /end of (JSON )?input|Unterminated string/i.test(message))
    return `le texte s'arrête avant la fin (accolade « } », crochet « ] » ou guillemet non fermé ?)${ou}`;
  if (/after property name/i.test(message)) return `« : » attendu après le nom de propriété${ou}`;
  if (/property name/i.test(message)) return `nom de propriété entre guillemets droits attendu (virgule en trop avant « } » ?)${ou}`;
  if (/after (property value|array element)/i.test(message)) return `virgule ou fin de l'objet ou de la liste attendue${ou}`;
  if (/escape|control character|escaped character/i.test(message)) return `caractère de contrôle ou échappement « \\ » invalide dans un texte${ou}`;
  if (/non-whitespace character after JSON/i.test(message)) return `du texte suit la fin du document${ou}`;
  return `syntaxe incorrecte${ou} ; vérifiez les guillemets droits ("), les virgules et les accolades`;
}

function lireNiveaux(v: unknown): Niveau[] {
  if (!Array.isArray(v) || v.length === 0) erreur("niveaux", "une liste non vide de niveaux est attendue");
  if (v.length > NIVEAUX_MAX) erreur("niveaux", `au plus ${NIVEAUX_MAX} niveaux`);
  const niveaux: Niveau[] = [];
  const noms = new Map<string, number>();
  v.forEach((x, i) => {
    const chemin = `niveaux[${i}]`;
    const o: Record<string, unknown> = typeof x === "string" ? { nom: x } : objet(x, chemin);
    const nom = nettoyerTexte(texte(o.nom, `${chemin}.nom`)).texte;
    if (nom === "") erreur(`${chemin}.nom`, "nom vide");
    const cle = nom.toLowerCase();
    if (noms.has(cle)) erreur(`${chemin}.nom`, `niveau « ${nom} » en double (déjà niveaux[${noms.get(cle)}])`);
    noms.set(cle, i);
    const e = analyserEntete(nom);
    const type = o.type === undefined ? e.type : choix(o.type, `${chemin}.type`, ["niveau", "base", "option", "surcomplementaire"] as const);
    const variante = o.variante === undefined ? e.variante : choix(o.variante, `${chemin}.variante`, ["reseau", "hors-reseau"] as const);
    const famille = o.famille !== undefined ? texte(o.famille, `${chemin}.famille`) : variante ? familleDe(nom) : undefined;
    niveaux.push({
      nom,
      rang: i + 1,
      type,
      ...(variante ? { variante } : {}),
      ...(famille !== undefined ? { famille } : {}),
      colonne: i,
      entete: nom,
    });
  });
  // Inclusions are resolved once every name is known.
  return niveaux.map((n, i) => {
    const o = typeof v[i] === "string" ? {} : (v[i] as Record<string, unknown>);
    if (o.inclut === undefined && o.convention === undefined) return n;
    const chemin = `niveaux[${i}]`;
    if (o.inclut === undefined) erreur(`${chemin}.inclut`, "le niveau inclus est requis avec « convention »");
    const inclut = texte(o.inclut, `${chemin}.inclut`);
    const cible = niveaux.find((m) => m.nom.toLowerCase() === inclut.trim().toLowerCase());
    if (!cible || cible === n) erreur(`${chemin}.inclut`, `niveau « ${inclut} » inconnu (niveaux : ${niveaux.map((m) => m.nom).join(", ")})`);
    const convention = o.convention === undefined ? "SOCLE_INCLUS" : choix(o.convention, `${chemin}.convention`, ["SOCLE_INCLUS", "SOCLE_EN_SUS"] as const);
    return { ...n, inclutNiveau: cible.nom, convention, conventionExplicite: o.convention !== undefined };
  });
}

function lireLignes(v: unknown, niveaux: readonly Niveau[], nombres: UniteNombres | undefined, alerter: Alerter): Ligne[] {
  if (!Array.isArray(v)) erreur("lignes", "une liste de lignes est attendue");
  if (v.length > LIGNES_MAX) erreur("lignes", `au plus ${LIGNES_MAX} lignes`);
  const parNom = new Map(niveaux.map((n, i) => [n.nom.toLowerCase(), i]));
  return v.map((x, i): Ligne => {
    const chemin = `lignes[${i}]`;
    const numero = i + 1;
    const o = objet(x, chemin);
    const brut = o.libelle === undefined || o.libelle === null ? "" : texte(o.libelle, `${chemin}.libelle`);
    const vl = valeurCellule(brut);
    signalerNettoyage(vl, { ligne: numero }, alerter);
    const libelle = vl.type === "texte" ? vl.texte : "";
    const section = lireSection(o.section, `${chemin}.section`);
    const intertitre =
      o.intertitre === undefined || o.intertitre === null ? undefined : nettoyerTexte(texte(o.intertitre, `${chemin}.intertitre`)).texte || undefined;
    let poste: Poste | null;
    let reconnaissance: ReconnaissanceLigne;
    let sectionLigne: Section | null;
    if (o.poste !== undefined) {
      if (o.poste === null) poste = null;
      else {
        const code = texte(o.poste, `${chemin}.poste`);
        if (!estCodePoste(code)) erreur(`${chemin}.poste`, `poste « ${code} » inconnu du catalogue`);
        poste = posteParCode(code)!;
      }
      reconnaissance = {
        origine: "fournie",
        confiance: 1,
        raison: poste ? "Poste indiqué dans le fichier JSON." : "Ligne sans poste (indiqué dans le fichier JSON).",
      };
      sectionLigne = poste?.section ?? section;
    } else {
      const r = reconnaitrePoste(libelle, { section, intertitre: intertitre ?? null });
      poste = r.poste;
      reconnaissance = { origine: "libelle", confiance: r.confiance, raison: r.raison, ...(r.ambigu ? { ambigu: r.ambigu } : {}) };
      sectionLigne = r.section;
      const affiche = court(libelle || intertitre || "");
      if (libelle === "" && intertitre === undefined)
        alerter("LIBELLE_VIDE", "alerte", `Ligne ${numero} : des garanties sans libellé ; la ligne est gardée sans poste.`, { ligne: numero });
      else if (r.poste === null)
        alerter(
          "LIBELLE_INCONNU",
          "alerte",
          `Ligne ${numero} : « ${affiche} » ne correspond à aucun poste du catalogue ; la ligne est gardée mais ne peut pas être vérifiée.`,
          { ligne: numero },
        );
      else if (r.confiance < 0.5 || r.ambigu) {
        alerter(
          "RECONNAISSANCE_INCERTAINE",
          "info",
          `Ligne ${numero} : « ${affiche} » lu comme « ${r.poste.libelle} » (confiance ${nombreFr(r.confiance)}). ${r.raison}`,
          { ligne: numero },
        );
      }
    }
    const valeurs = lireGaranties(o.garanties, `${chemin}.garanties`, niveaux, parNom);
    const cellules: Cellule[] = niveaux.map((n, k) =>
      lireCellule(valeurCellule(valeurs[k]), { niveau: n.nom, ligne: numero, poste, ...(nombres ? { unite: nombres } : {}) }, alerter),
    );
    return {
      poste: poste?.code ?? null,
      reconnaissance,
      libelle,
      section: sectionLigne,
      ...(intertitre !== undefined ? { intertitre } : {}),
      ligne: numero,
      cellules,
    };
  });
}

function lireGaranties(v: unknown, chemin: string, niveaux: readonly Niveau[], parNom: ReadonlyMap<string, number>): unknown[] {
  if (Array.isArray(v)) {
    if (v.length !== niveaux.length)
      erreur(chemin, `une valeur par niveau est attendue (${compte(niveaux.length, "valeur", "valeurs")}), pas ${compte(v.length, "valeur", "valeurs")}`);
    v.forEach((x, k) => valeurPermise(x, `${chemin}[${k}]`));
    return v;
  }
  const o = objet(v, chemin);
  const res: unknown[] = niveaux.map(() => null);
  for (const [k, x] of Object.entries(o)) {
    const i = parNom.get(k.trim().toLowerCase());
    if (i === undefined) erreur(`${chemin}`, `niveau « ${k} » inconnu (niveaux : ${niveaux.map((n) => n.nom).join(", ")})`);
    valeurPermise(x, `${chemin}["${k}"]`);
    res[i] = x;
  }
  return res;
}

function valeurPermise(x: unknown, chemin: string): void {
  if (x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean") return;
  erreur(chemin, `une garantie (texte « 150 % BR », nombre ou null) est attendue, pas ${decrire(x)}`);
}

function lireSection(v: unknown, chemin: string): Section | null {
  if (v === undefined || v === null || v === "") return null;
  const t = texte(v, chemin);
  if ((SECTIONS as readonly string[]).includes(t)) return t as Section;
  const s = sectionDeTitre(t);
  if (s === null) erreur(chemin, `section « ${t} » inconnue (${SECTIONS.join(", ")})`);
  return s;
}

/**
 * The grid in the JSON format (with every poste stated, so a round trip keeps the recognition). Cells are written as
 * printed when that text reads back as the same guarantee, else in the guarantee language (« 150 % BR »).
 */
export function grilleVersJson(g: Grille): GrilleJson {
  return {
    format: "remb-grille",
    version: 1,
    nom: g.nom,
    ...(g.dateEffet !== undefined ? { dateEffet: isoDepuisJour(g.dateEffet) } : {}),
    ...(g.responsable !== undefined ? { responsable: g.responsable } : {}),
    ...(g.collectif !== undefined ? { collectif: g.collectif } : {}),
    niveaux: g.niveaux.map((n): string | NiveauJson => {
      const simple = analyserEntete(n.nom);
      const defauts =
        simple.type === n.type && simple.variante === n.variante && (n.famille === undefined || n.famille === familleDe(n.nom)) && n.inclutNiveau === undefined;
      if (defauts) return n.nom;
      return {
        nom: n.nom,
        type: n.type,
        ...(n.variante ? { variante: n.variante } : {}),
        ...(n.famille !== undefined ? { famille: n.famille } : {}),
        ...(n.inclutNiveau !== undefined ? { inclut: n.inclutNiveau, convention: n.convention ?? "SOCLE_INCLUS" } : {}),
      };
    }),
    lignes: g.lignes.map((l) => ({
      libelle: l.libelle,
      ...(l.section !== null ? { section: l.section } : {}),
      ...(l.intertitre !== undefined ? { intertitre: l.intertitre } : {}),
      poste: l.poste,
      garanties: l.cellules.map(texteExporte),
    })),
  };
}

/**
 * The printed text when it reads back as the same guarantee; otherwise (a number read by its format, VRAI/FAUX)
 * the canonical guarantee text. Error cells keep their text, so the error comes back too.
 */
function texteExporte(c: Cellule): string {
  if (c.garantie === undefined) return c.texte;
  if (c.lecture === undefined) {
    try {
      lireGarantie(c.texte);
      return c.texte;
    } catch {
      // not guarantee language: fall through
    }
  }
  return unparseGarantie(c.garantie);
}

function objet(v: unknown, chemin: string): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) erreur(chemin, `un objet est attendu, pas ${decrire(v)}`);
  return v as Record<string, unknown>;
}

function texte(v: unknown, chemin: string): string {
  if (typeof v !== "string") erreur(chemin, `un texte est attendu, pas ${decrire(v)}`);
  return v;
}

function booleen(v: unknown, chemin: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") erreur(chemin, `true ou false est attendu, pas ${decrire(v)}`);
  return v;
}

function choix<const T extends string>(v: unknown, chemin: string, permis: readonly T[]): T {
  if (typeof v !== "string" || !(permis as readonly string[]).includes(v)) {
    erreur(chemin, `une des valeurs ${permis.map((p) => `« ${p} »`).join(", ")} est attendue, pas ${decrire(v)}`);
  }
  return v as T;
}

/**
 * A JSON value as a French message names it (« pas une liste », « pas un nombre (12) »): never JavaScript's English
 * type names, and a long text cut to an excerpt so that the message keeps what is expected.
 */
function decrire(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "rien";
  if (Array.isArray(v)) return "une liste";
  switch (typeof v) {
    case "number":
      return `un nombre (${v})`;
    case "boolean":
      return `un booléen (${v})`;
    case "string":
      return v.length > 40 ? `le texte « ${v.slice(0, 40)}… »` : `le texte « ${v} »`;
    default:
      return "un objet";
  }
}

/** « 1 valeur », « 3 valeurs », « aucune valeur ». */
function compte(n: number, un: string, plusieurs: string): string {
  return n === 0 ? `aucune ${un}` : `${n} ${n === 1 ? un : plusieurs}`;
}

function erreur(chemin: string, quoi: string): never {
  throw new RembError("ARGUMENT_INVALIDE", `Grille JSON invalide (${chemin}) : ${quoi}.`);
}
