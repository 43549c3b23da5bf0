import { RembError } from "../errors";
import { decoderOctets, type Encodage } from "./decodage";
import type { Grille, OptionsImport } from "./modele";
import { importerTableau } from "./tableau";

export type Separateur = ";" | "," | "\t";

/** A CSV file larger than this is not a guarantee grid. */
const OCTETS_MAX = 50 * 1024 * 1024;
const LIGNES_ECHANTILLON = 50;

/**
 * Reads a grid from a CSV file: bytes (encoding found by decoding, see decodage.ts) or text. The separator
 * (« ; » as French Excel writes it, « , » or tab) is the one that splits the first lines most regularly; fields
 * may be quoted (« "150 % BR, max 2/an" »), with doubled quotes inside. Then as grilleDepuisTableau.
 */
export function grilleDepuisCsv(octets: Uint8Array | string, options: OptionsImport = {}): Grille {
  let texte: string;
  let encodage: Encodage | undefined;
  if (typeof octets === "string") {
    texte = octets.charCodeAt(0) === 0xfeff ? octets.slice(1) : octets;
  } else {
    if (!(octets instanceof Uint8Array)) throw new RembError("ARGUMENT_INVALIDE", "CSV invalide : un contenu texte ou des octets sont attendus.");
    if (octets.length > OCTETS_MAX) throw new RembError("ARGUMENT_INVALIDE", `Fichier trop gros (${Math.round(octets.length / 1048576)} Mo) : un tableau de garanties CSV fait au plus quelques centaines de Ko.`);
    const d = decoderOctets(octets);
    texte = d.texte;
    encodage = d.encodage;
  }
  if (texte.length > OCTETS_MAX) throw new RembError("ARGUMENT_INVALIDE", "Texte CSV trop long : un tableau de garanties fait au plus quelques centaines de Ko.");
  if (texte.trim() === "") throw new RembError("ARGUMENT_INVALIDE", "Fichier vide : aucune ligne à lire.");
  const separateur = detecterSeparateur(texte);
  const lignes = lireCsv(texte, separateur);
  return importerTableau(lignes, options, { format: "csv", separateur, ...(encodage ? { encodage } : {}) });
}

/** The separator giving the most lines with the same number of fields (more than one); « ; » on a tie. */
export function detecterSeparateur(texte: string): Separateur {
  const echantillon = premieresLignes(texte, LIGNES_ECHANTILLON);
  let meilleur: Separateur = ";";
  let score = -1;
  for (const sep of [";", "\t", ","] as const) {
    let lignes: string[][];
    try {
      lignes = lireCsv(echantillon, sep);
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

/** RFC 4180 fields: quotes around a field, "" for a quote inside; CRLF, LF or CR line ends. */
export function lireCsv(texte: string, sep: Separateur): string[][] {
  const lignes: string[][] = [];
  let ligne: string[] = [];
  let i = 0;
  let numero = 1;
  const n = texte.length;
  const s = sep.charCodeAt(0);
  while (i <= n) {
    if (i === n) {
      if (ligne.length > 0) lignes.push(ligne);
      break;
    }
    let champ: string;
    if (texte.charCodeAt(i) === 34) {
      const debut = numero;
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
      for (const p of parts) for (let x = 0; x < p.length; x++) if (p.charCodeAt(x) === 10) numero++;
      // Text after the closing quote up to the separator is kept (lenient, as Excel does).
      const fin = finDeChamp(texte, i, s);
      champ += texte.slice(i, fin);
      i = fin;
    } else {
      const fin = finDeChamp(texte, i, s);
      champ = texte.slice(i, fin);
      i = fin;
    }
    ligne.push(champ);
    if (i >= n) {
      lignes.push(ligne);
      break;
    }
    const ch = texte.charCodeAt(i);
    if (ch === s) {
      i++;
      if (i === n) {
        ligne.push("");
        lignes.push(ligne);
        break;
      }
    } else {
      // Line end: \r\n, \n or \r.
      lignes.push(ligne);
      ligne = [];
      numero++;
      i += ch === 13 && texte.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (i === n) break;
    }
  }
  return lignes;
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
