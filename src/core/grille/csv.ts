import { RembError } from "../errors";
import { adresseA1, origineDepuis } from "./adresse";
import { court } from "./cellule";
import { decoderOctets, type Encodage } from "./decodage";
import { entierFr, LIMITES, tailleFr } from "./limites";
import type { AlerteImport, Grille, Ligne, OptionsImport } from "./modele";
import { importerTableau } from "./tableau";

export type Separateur = ";" | "," | "\t";

const LIGNES_ECHANTILLON = 50;
const SANS_LIMITE = { lignes: Infinity, colonnes: Infinity, cellules: Infinity };
/** A quoted field spanning this many lines of the file is reported even without a separator inside. */
const LIGNES_CHAMP_SUSPECT = 5;

/**
 * Reads a grid from a CSV file: bytes (encoding found by decoding, see decodage.ts) or text. The separator
 * (« ; » as French Excel writes it, « , » or tab) is the one that splits the first lines most regularly; fields
 * may be quoted (« "150 % BR, max 2/an" »), with doubled quotes inside. Then as grilleDepuisTableau. A quoted field
 * that swallows lines of the file (a stray quote) is reported with its lines (alert LIGNES_FUSIONNEES).
 */
export function grilleDepuisCsv(octets: Uint8Array | string, options: OptionsImport = {}): Grille {
  let texte: string;
  let encodage: Encodage | undefined;
  if (typeof octets === "string") {
    if (octets.length > LIMITES.octetsTexte) throw tropGros(octets.length, "Texte CSV trop long");
    texte = octets.charCodeAt(0) === 0xfeff ? octets.slice(1) : octets;
  } else {
    if (!(octets instanceof Uint8Array)) throw new RembError("ARGUMENT_INVALIDE", "CSV invalide : un contenu texte ou des octets sont attendus.");
    if (octets.length > LIMITES.octetsTexte) throw tropGros(octets.length, "Fichier trop gros");
    const d = decoderOctets(octets);
    texte = d.texte;
    encodage = d.encodage;
  }
  if (texte.trim() === "") throw new RembError("ARGUMENT_INVALIDE", "Fichier vide : aucune ligne à lire.");
  const separateur = detecterSeparateur(texte);
  const { lignes, multilignes } = lireCsvDetaille(texte, separateur);
  const origine = origineDepuis(options.origine);
  const suspects = multilignes.filter((m) => m.separateurs > 0 || m.fin - m.debut + 1 >= LIGNES_CHAMP_SUSPECT);
  let g: Grille;
  try {
    g = importerTableau(lignes, options, { format: "csv", separateur, ...(encodage ? { encodage } : {}) });
  } catch (e) {
    // The grid could not be read, maybe because a stray quote swallowed its header or its lines: say where it is.
    if (e instanceof RembError && suspects.length > 0) throw new RembError(e.code, `${e.message} ${messageFusion(suspects[0]!, origine.ligne)}`);
    throw e;
  }
  if (suspects.length === 0) return g;
  const alertes: AlerteImport[] = suspects.map((m) => ({
    code: "LIGNES_FUSIONNEES",
    gravite: "alerte",
    message: messageFusion(m, origine.ligne),
    ligne: origine.ligne + m.ligne,
    adresse: adresseA1(origine, m.ligne, m.colonne),
  }));
  // A label made of several lines of the file is no label: its line is kept, never checked under a poste guessed from it.
  const avalees = new Set(alertes.map((a) => a.adresse));
  const lignesLues = g.lignes.map((l): Ligne => {
    if (l.adresse === undefined || !avalees.has(l.adresse) || (l.poste === null && !l.attribut)) return l;
    // The attribute (« dans le réseau »…) was read from the merged label too: dropped with the poste.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { attribut, ...reste } = l;
    return {
      ...reste,
      poste: null,
      reconnaissance: { origine: "libelle", confiance: 0, raison: "Libellé fait de plusieurs lignes du fichier (guillemet en trop) : ligne non vérifiée." },
    };
  });
  // « lu comme … (confiance 0,28) » would contradict it.
  const autres = g.alertes.filter((a) => !(a.code === "RECONNAISSANCE_INCERTAINE" && a.adresse !== undefined && avalees.has(a.adresse)));
  return { ...g, lignes: lignesLues, alertes: [...alertes, ...autres] };
}

function tropGros(taille: number, quoi: string): RembError {
  return new RembError(
    "ARGUMENT_INVALIDE",
    `${quoi} (${tailleFr(taille)}) : au plus ${tailleFr(LIMITES.octetsTexte)} pour un tableau de garanties CSV, qui fait d'ordinaire quelques dizaines de Ko.`,
  );
}

function messageFusion(m: ChampMultiligne, premiere: number): string {
  const n = m.fin - m.debut + 1;
  return (
    `Ligne ${premiere + m.ligne} : un guillemet ouvert ligne ${m.debut} du fichier n'est fermé que ligne ${m.fin} ; ces ${entierFr(n)} lignes ` +
    `sont lues comme une seule cellule (« ${court(m.extrait)} »). Si ce guillemet est en trop, retirez-le ou doublez-le ("").`
  );
}

/** The separator giving the most lines with the same number of fields (more than one); « ; » on a tie. */
export function detecterSeparateur(texte: string): Separateur {
  const echantillon = premieresLignes(texte, LIGNES_ECHANTILLON);
  let meilleur: Separateur = ";";
  let score = -1;
  for (const sep of [";", "\t", ","] as const) {
    let lignes: string[][];
    try {
      // The sample is at most 200 000 characters: no limit here, the reading of the whole text applies them.
      lignes = lireCsvDetaille(echantillon, sep, SANS_LIMITE).lignes;
    } catch {
      continue;
    }
    const comptes = new Map<number, number>();
    for (const l of lignes) if (l.length > 1) comptes.set(l.length, (comptes.get(l.length) ?? 0) + 1);
    const s = Math.max(0, ...comptes.values());
    if (s > score) {
      score = s;
      meilleur = sep;
    }
  }
  return meilleur;
}

/** The first n lines, cut at a line break outside quotes (a quoted field may span lines). */
function premieresLignes(texte: string, n: number): string {
  let dansGuillemets = false;
  let lignes = 0;
  const limite = Math.min(texte.length, 200_000);
  for (let i = 0; i < limite; i++) {
    const ch = texte.charCodeAt(i);
    if (ch === 34) dansGuillemets = !dansGuillemets;
    else if (ch === 10 && !dansGuillemets && ++lignes >= n) return texte.slice(0, i);
  }
  return texte.slice(0, limite);
}

/** A quoted field holding line breaks: where it is in the table and in the file. */
export interface ChampMultiligne {
  /** 0-based row and column of the field in the table read. */
  readonly ligne: number;
  readonly colonne: number;
  /** 1-based lines of the file where the field starts and ends. */
  readonly debut: number;
  readonly fin: number;
  /** Separators inside the field after its first line break: lines of the table swallowed whole. */
  readonly separateurs: number;
  /** The field's start, for the message. */
  readonly extrait: string;
}

/** RFC 4180 fields: quotes around a field, "" for a quote inside; CRLF, LF or CR line ends. */
export function lireCsv(texte: string, sep: Separateur): string[][] {
  return lireCsvDetaille(texte, sep).lignes;
}

/**
 * lireCsv, with the quoted fields that span lines. Reading stops with a French message past the limits (rows up to the
 * last filled one, filled fields in a row and in all), before the table costs memory.
 */
export function lireCsvDetaille(
  texte: string,
  sep: Separateur,
  limites: { readonly lignes: number; readonly colonnes: number; readonly cellules: number } = LIMITES,
): { lignes: string[][]; multilignes: ChampMultiligne[] } {
  const lignes: string[][] = [];
  const multilignes: ChampMultiligne[] = [];
  let ligne: string[] = [];
  let i = 0;
  let numero = 1;
  let cellules = 0;
  let remplisDansLaLigne = 0;
  // Empty rows read but not yet kept: a filled row after them makes them part of the table; past the row limit they
  // are only counted (5 Mo of empty lines must not become millions of rows in memory).
  const attente: string[][] = [];
  let videsEnTrop = 0;
  const finir = () => {
    remplisDansLaLigne = 0;
    if (ligne.every((x) => x === "")) {
      if (lignes.length + attente.length < limites.lignes) attente.push(ligne);
      else videsEnTrop++;
      return;
    }
    const numeroLigne = lignes.length + attente.length + videsEnTrop + 1;
    if (numeroLigne > limites.lignes) {
      throw new RembError(
        "ARGUMENT_INVALIDE",
        `Grille trop grande : plus de ${entierFr(limites.lignes)} lignes (ligne ${entierFr(numeroLigne)} remplie). ` +
          "Un tableau de garanties compte quelques centaines de lignes : ce fichier n'en est pas un, ou il en contient plusieurs.",
      );
    }
    lignes.push(...attente.splice(0), ligne);
  };
  const compter = (champ: string) => {
    if (champ === "") return;
    if (++remplisDansLaLigne > limites.colonnes) {
      throw new RembError(
        "ARGUMENT_INVALIDE",
        `Grille trop large : plus de ${limites.colonnes} colonnes remplies à la ligne ${entierFr(lignes.length + attente.length + videsEnTrop + 1)} (au plus ${limites.colonnes}). ` +
          "Un tableau de garanties a une colonne de libellés et une colonne par niveau ; le séparateur du fichier est-il le bon ?",
      );
    }
    if (++cellules > limites.cellules) {
      throw new RembError(
        "ARGUMENT_INVALIDE",
        `Grille trop grande : plus de ${entierFr(limites.cellules)} cellules remplies (limite atteinte ligne ${entierFr(lignes.length + attente.length + videsEnTrop + 1)}). ` +
          "Un tableau de garanties en compte quelques milliers.",
      );
    }
  };
  const n = texte.length;
  const s = sep.charCodeAt(0);
  while (i <= n) {
    if (i === n) {
      if (ligne.length > 0) finir();
      break;
    }
    let champ: string;
    if (texte.charCodeAt(i) === 34) {
      const debut = numero;
      const debutChamp = i + 1;
      let j = i + 1;
      const parts: string[] = [];
      let depuis = j;
      for (;;) {
        const k = texte.indexOf('"', j);
        if (k < 0) {
          throw new RembError("ARGUMENT_INVALIDE", `CSV mal formé : guillemet ouvert ligne ${debut} et jamais fermé.`);
        }
        if (texte.charCodeAt(k + 1) === 34) {
          parts.push(texte.slice(depuis, k + 1));
          j = k + 2;
          depuis = j;
          continue;
        }
        parts.push(texte.slice(depuis, k));
        i = k + 1;
        break;
      }
      champ = parts.join("");
      const sauts = sautsDeLigne(texte, debutChamp, i - 1, s);
      if (sauts.lignes > 0) {
        numero += sauts.lignes;
        multilignes.push({
          ligne: lignes.length + attente.length + videsEnTrop,
          colonne: ligne.length,
          debut,
          fin: numero,
          separateurs: sauts.separateurs,
          extrait: champ.replace(/\s+/g, " ").trim().slice(0, 80),
        });
      }
      // Text after the closing quote up to the separator is kept (lenient, as Excel does).
      const fin = finDeChamp(texte, i, s);
      champ += texte.slice(i, fin);
      i = fin;
    } else {
      const fin = finDeChamp(texte, i, s);
      champ = texte.slice(i, fin);
      i = fin;
    }
    compter(champ);
    ligne.push(champ);
    if (i >= n) {
      finir();
      break;
    }
    const ch = texte.charCodeAt(i);
    if (ch === s) {
      i++;
      if (i === n) {
        ligne.push("");
        finir();
        break;
      }
    } else {
      // Line end: \r\n, \n or \r.
      finir();
      ligne = [];
      numero++;
      i += ch === 13 && texte.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (i === n) break;
    }
  }
  // Empty rows at the end are kept as read (the reader is exact: lireCsv round-trips), within the row limit.
  lignes.push(...attente);
  return { lignes, multilignes };
}

/** Line breaks (CRLF, LF or CR) between two offsets, and separators met after the first one. */
function sautsDeLigne(texte: string, debut: number, fin: number, s: number): { lignes: number; separateurs: number } {
  let lignes = 0;
  let separateurs = 0;
  for (let x = debut; x < fin; x++) {
    const c = texte.charCodeAt(x);
    if (c === 10 || (c === 13 && texte.charCodeAt(x + 1) !== 10)) lignes++;
    else if (c === s && lignes > 0) separateurs++;
  }
  return { lignes, separateurs };
}

function finDeChamp(texte: string, i: number, s: number): number {
  const n = texte.length;
  let j = i;
  while (j < n) {
    const c = texte.charCodeAt(j);
    if (c === s || c === 10 || c === 13) break;
    j++;
  }
  return j;
}
