import { RembError, estRembError } from "../errors";
import type { Poste } from "../postes";
import { lireGarantie } from "./lire-garantie";
import { parseGarantie, type Garantie } from "../garantie";
import { separerRenvois } from "./renvois";
import type { AlerteImport, Cellule, LectureNombre } from "./modele";
import { isoDepuisJour, jourDepuisSerie } from "../dates";
import { estFormatDate, lireNombre, messageAmbigu, nombreDepuisTexte, type UniteNombres } from "./nombre";
import { nombreFr, type ValeurCellule } from "./valeur-cellule";

/** Where an alert belongs. */
export interface Lieu {
  readonly ligne?: number;
  readonly niveau?: string;
  readonly adresse?: string;
}

export type Alerter = (code: AlerteImport["code"], gravite: AlerteImport["gravite"], message: string, lieu: Lieu) => void;

/**
 * One guarantee cell: a text is parsed with the guarantee language; a number (or a text that is only a number)
 * is read by the rules of nombre.ts; anything else becomes an error cell. Every problem is reported once.
 */
export interface ContexteCellule {
  readonly niveau: string;
  readonly adresse?: string;
  readonly ligne: number;
  readonly format?: string;
  readonly poste: Poste | null;
  readonly unite?: UniteNombres;
}

export function lireCellule(v: ValeurCellule, ctx: ContexteCellule, alerter: Alerter): Cellule {
  // Hot path (a grid has ~1 000 cells, a bench 60 000): no closure, no spread per cell.
  switch (v.type) {
    case "vide":
      return cellule(ctx, "", lireGarantie(""));
    case "nombre":
      return celluleNombre(v.nombre, ctx.format, undefined, ctx, alerter);
    case "texte": {
      if (v.nettoyage) signalerNettoyage(v, lieuDe(ctx), alerter);
      // « 100 € (9) », « 225 % (3) »: the footnote mark is kept beside the cell, the value read without it.
      const { texte: sansRenvois, marques } = separerRenvois(v.texte);
      const x = nombreDepuisTexte(sansRenvois);
      let c: Cellule;
      if (x !== undefined) c = celluleNombre(x, undefined, v.texte, ctx, alerter);
      else {
        try {
          c = cellule(ctx, v.texte, parseGarantie(sansRenvois));
        } catch (e) {
          c = celluleErreur(ctx, v.texte, e, alerter);
        }
      }
      return marques.length > 0 ? { ...c, renvois: marques } : c;
    }
    case "booleen":
      return cellule(ctx, v.valeur ? "VRAI" : "FAUX", lireGarantie(v.valeur ? "Oui" : ""));
    case "date":
      return celluleErreur(
        ctx,
        v.texte,
        new RembError("ARGUMENT_INVALIDE", `Date (${v.texte}) là où une garantie est attendue : une garantie s'écrit « 150 % BR », « 50 € »…`),
        alerter,
      );
    case "erreur-excel":
      return celluleErreur(
        ctx,
        v.texte,
        new RembError("ARGUMENT_INVALIDE", `Erreur Excel ${v.texte} dans la cellule : sa formule ne donne pas de garantie.`),
        alerter,
      );
    case "inattendu":
      return celluleErreur(ctx, v.texte, new RembError("ARGUMENT_INVALIDE", `Valeur inattendue (${v.texte}) : un texte ou un nombre est attendu.`), alerter);
  }
}

function cellule(ctx: ContexteCellule, texte: string, garantie: Garantie, lecture?: LectureNombre): Cellule {
  const c: { niveau: string; texte: string; garantie: Garantie; adresse?: string; lecture?: LectureNombre } = { niveau: ctx.niveau, texte, garantie };
  if (ctx.adresse !== undefined) c.adresse = ctx.adresse;
  if (lecture !== undefined) c.lecture = lecture;
  return c;
}

function lieuDe(ctx: ContexteCellule): Lieu {
  return ctx.adresse !== undefined ? { ligne: ctx.ligne, niveau: ctx.niveau, adresse: ctx.adresse } : { ligne: ctx.ligne, niveau: ctx.niveau };
}

function ici(ctx: ContexteCellule): string {
  return `${ctx.adresse ?? `Ligne ${ctx.ligne}`} (${ctx.niveau})`;
}

function celluleErreur(ctx: ContexteCellule, texte: string, e: unknown, alerter: Alerter): Cellule {
  const err = estRembError(e) ? e : new RembError("ARGUMENT_INVALIDE", `Cellule illisible : ${String(e)}`);
  alerter(err.code === "SYNTAXE_GARANTIE" ? "GARANTIE_ILLISIBLE" : "VALEUR_INATTENDUE", "alerte", `${ici(ctx)} : ${err.message}`, lieuDe(ctx));
  const c: { niveau: string; texte: string; erreur: RembError; adresse?: string } = { niveau: ctx.niveau, texte, erreur: err };
  if (ctx.adresse !== undefined) c.adresse = ctx.adresse;
  return c;
}

function celluleNombre(x: number, format: string | undefined, texte: string | undefined, ctx: ContexteCellule, alerter: Alerter): Cellule {
  // A date-formatted number is shown as the date Excel shows, not as its serial.
  if (texte === undefined && format !== undefined && estFormatDate(format)) texte = dateDepuisSerie(x) ?? nombreFr(x);
  try {
    const lu = lireNombre(x, format, ctx.poste, ctx.unite);
    if (lu.lecture.ambigu) alerter("NOMBRE_AMBIGU", "alerte", `${ici(ctx)} : ${messageAmbigu(lu)}`, lieuDe(ctx));
    return cellule(ctx, texte ?? lu.texte, lu.garantie, lu.lecture);
  } catch (e) {
    return celluleErreur(ctx, texte ?? nombreFr(x), e, alerter);
  }
}

/** Reports what cleaning a text did (invisible characters, truncation, formula look-alike). */
export function signalerNettoyage(v: ValeurCellule, lieu: Lieu, alerter: Alerter): void {
  if (v.type !== "texte" || !v.nettoyage) return;
  const n = v.nettoyage;
  const ici = lieu.adresse ?? `Ligne ${lieu.ligne ?? "?"}`;
  if (n.supprimes > 0) alerter("CARACTERES_SUPPRIMES", "info", `${ici} : ${n.supprimes} caractère(s) de contrôle ou invisible(s) supprimé(s).`, lieu);
  if (n.longueurOrigine !== undefined) {
    alerter("TEXTE_TRONQUE", "alerte", `${ici} : texte de ${n.longueurOrigine} caractères tronqué ; ce n'est ni une garantie ni un libellé.`, lieu);
  }
  if (n.formule)
    alerter(
      "FORMULE_SUSPECTE",
      "alerte",
      `${ici} : « ${court(v.texte)} » ressemble à une formule de tableur ; il est lu comme du texte et jamais exécuté.`,
      lieu,
    );
}

export function court(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function dateDepuisSerie(x: number): string | undefined {
  try {
    return isoDepuisJour(jourDepuisSerie(Math.floor(x)));
  } catch {
    return undefined;
  }
}
