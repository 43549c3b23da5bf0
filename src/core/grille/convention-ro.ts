import type { Convention } from "../garantie";
import type { Colonne } from "./disposition";
import type { Feuille } from "./feuille";
import type { Cellule, Niveau } from "./modele";
import { estGlossaire, lireNotes, type Note } from "./renvois";
import { plier } from "../texte/plier";

/**
 * What a grid says, once for all its cells, about the régime obligatoire: its amounts are totals that include the
 * Sécurité sociale's reimbursement (« Remboursements y compris l'AMO », « Niveaux de couverture incluant le
 * remboursement sécurité sociale », the default of the language), or come on top of it (« Prestations en complément
 * des prestations versées par la sécurité sociale », « Garanties complétant celles de la sécurité sociale », « Les
 * niveaux d'indemnisation s'entendent hors prestations versées par la sécurité sociale »). Branch agreements often
 * write their grid the second way: read the first way, « 30 % de la BR » would be a ticket modérateur left uncovered.
 */
export interface ConventionRo {
  readonly valeur: Convention;
  /** The printed words that say it. */
  readonly texte: string;
}

const RO = "(?:securite sociale|regime obligatoire|regime general|assurance maladie(?: obligatoire)?|amo|ro|rss|ss|secu)";
const ART = "(?:les |le |la |l |de la |du |des |de l |d |de )?";
const PART = `(?:${ART}(?:prestations?|remboursements?|part|celles?|ceux)(?: versees?| verse| effectues?)?(?: par| de| du| des)? ?(?:la |le |l )?)?`;

const EN_SUS: readonly RegExp[] = [
  // « Prestations complémentaires », « Part complémentaire », « Au titre du ticket modérateur » as a level's header: the
  // complementary's own part, printed beside the Sécurité sociale's.
  /^(?:prestations?|remboursements?|part|prise en charge|garanties?) complementaires?\b/,
  /\bau titre du ticket moderateur\b/,
  new RegExp(`\\ben complement ${ART}${PART}${RO}\\b`),
  new RegExp(`\\bcomplet(?:ant|ent) ${PART}${RO}\\b`),
  new RegExp(`\\bhors ${PART}${RO}\\b`),
  new RegExp(`\\ben (?:sus|plus) ${ART}${PART}${RO}\\b`),
];

const INCLUS: readonly RegExp[] = [
  new RegExp(`\\by compris ${ART}${PART}${RO}\\b`),
  new RegExp(`\\bincluant ${ART}${PART}${RO}\\b`),
  new RegExp(`\\b${RO} (?:incluse?s?|comprise?s?)\\b`),
  new RegExp(`\\b(?:integrent|incluent|comprennent) ${ART}${PART}${RO}\\b`),
  new RegExp(`\\btenant compte (?:du |des |de la )?${PART}${RO}\\b`),
  new RegExp(`\\bsous deduction ${ART}${PART}${RO}\\b`),
  new RegExp(`\\b${RO} (?:regime de branche|regime complementaire|complementaire|mutuelle)\\b`),
];

/** The convention a printed text states, or undefined when it states none (or both). */
export function conventionRoDuTexte(texte: string): ConventionRo | undefined {
  const p = plier(texte).replace(/'/g, " ");
  const sus = EN_SUS.some((re) => re.test(p));
  const inclus = INCLUS.some((re) => re.test(p));
  if (sus === inclus) return undefined;
  return { valeur: sus ? "RO_EN_SUS" : "RO_INCLUS", texte: texte.length > 160 ? `${texte.slice(0, 157)}…` : texte };
}

/**
 * The RO conventions a grid states once: for the whole grid (title rows, paragraphs), for a level (its header), for
 * the cells that refer to a note. Read once per grid; applied to each cell that says none itself.
 */
export class ConventionsRo {
  /** The notes printed with the table (« (2) Hors EHPAD. »), in order. */
  readonly notes: Note[] = [];
  private readonly conventionsRo = new Map<number, ConventionRo>();
  private readonly conventionsNotes = new Map<string, ConventionRo>();

  constructor(private readonly f: Feuille) {}

  /**
   * Notes (« (6) Remboursement en sus de la sécurité sociale »), and what the title rows, the paragraphs printed with
   * the table and each level's header say about the RO (convention-ro.ts). A level's header wins over the grid's
   * text; a note wins for the cells that refer to it; a cell that says it itself (« 30 % BR en sus du RO ») wins
   * over everything.
   */
  lire(premiereEntete: number, debut: number, colonnes: readonly Colonne[], niveaux: readonly Niveau[]): void {
    const colonnesNiveaux = new Set(niveaux.map((n) => n.colonne));
    const textesGrille: { texte: string; ligne: number }[] = [];
    for (let r = 0; r < this.f.V.length; r++) {
      if (r >= premiereEntete && r < debut) continue;
      const aValeurs = r >= debut && [...colonnesNiveaux].some((c) => this.f.v(r, c).type !== "vide") && !this.f.uniforme(r, Math.min(...colonnesNiveaux));
      if (aValeurs) continue;
      const t = this.f.V[r]!.map((_, c) => this.f.texte(r, c))
        .filter((x) => x !== "")
        .join(" ");
      if (t === "") continue;
      const notes = lireNotes(t, this.f.origine.ligne + r);
      if (notes.length > 0) this.notes.push(...notes);
      else if (r < premiereEntete || estGlossaire(t) || t.length >= 50) {
        if (r >= debut) this.notes.push({ marque: "", texte: t, ligne: this.f.origine.ligne + r });
        textesGrille.push({ texte: t, ligne: this.f.origine.ligne + r });
      }
    }
    let grille: (ConventionRo & { ligne: number }) | undefined;
    for (const x of textesGrille) {
      const c = conventionRoDuTexte(x.texte);
      if (c === undefined) continue;
      if (grille !== undefined && grille.valeur !== c.valeur) {
        grille = undefined; // the grid's texts disagree: the default stays, nothing is guessed
        break;
      }
      grille ??= { ...c, ligne: x.ligne };
    }
    const parNom = new Map(colonnes.map((c) => [c.texte, c]));
    niveaux.forEach((n, i) => {
      const col = parNom.get(n.nom)!;
      const propre = conventionRoDuTexte([col.haut, col.bas ?? col.texte].filter((x) => x !== undefined).join(" "));
      const c = propre ?? grille;
      if (c === undefined) return;
      this.conventionsRo.set(i, c);
      if (c.valeur === "RO_EN_SUS") {
        this.f.alerte(
          "CONVENTION_RO",
          "info",
          `« ${n.nom} » : les montants sans mention contraire sont lus en sus du remboursement de la Sécurité sociale, comme l'annonce ` +
            `« ${c.texte} »${propre ? " (en-tête du niveau)" : grille ? `, ligne ${grille.ligne}` : ""}.`,
          { niveau: n.nom, ...(n.adresse ? { adresse: n.adresse } : {}) },
        );
      }
    });
    for (const note of this.notes) {
      if (note.marque === "") continue;
      const c = conventionRoDuTexte(note.texte);
      if (c !== undefined) this.conventionsNotes.set(note.marque, c);
    }
  }

  /** The cell with the RO convention its note, its level or its grid states, when the cell itself says none. */
  appliquer(c: Cellule, iNiveau: number, renvoisLigne: readonly string[]): Cellule {
    const g = c.garantie;
    if (g === undefined || g.type !== "formule" || g.conventionExplicite) return c;
    let conv: ConventionRo | undefined;
    for (const m of [...(c.renvois ?? []), ...renvoisLigne]) conv ??= this.conventionsNotes.get(m);
    conv ??= this.conventionsRo.get(iNiveau);
    if (conv === undefined || conv.valeur === g.convention) return c;
    return { ...c, garantie: { ...g, convention: conv.valeur } };
  }
}
