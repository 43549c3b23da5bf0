import { unparseGarantie } from "../garantie";
import { posteParCode } from "../postes";
import type { Grille, Ligne } from "./modele";

/**
 * What REMB understood of a grid, line by line and cell by cell, for the user to check before trusting the
 * findings (`remb verifier --lecture`, the task pane's reading sheet): the poste each label was attached to, with
 * its confidence and the reason (label words, section, sub-heading, line above), and each cell's reading in
 * canonical form or why it was not read. The same shape for the text report and the JSON one.
 */
export interface LectureGrille {
  readonly lignes: readonly LectureLigne[];
  /** Lines and cells the user's corrections changed. */
  readonly corrections: { readonly lignes: number; readonly cellules: number };
}

export interface LectureLigne {
  /** Sheet row (1-based). */
  readonly ligne: number;
  readonly adresse: string | null;
  readonly libelle: string;
  /** Catalogue code; null for an attribute or an unknown label. */
  readonly poste: string | null;
  /** The poste's French label. */
  readonly libellePoste: string | null;
  /** « soin » (checked), « attribut » (a service or a condition, shown, not checked), « inconnu » (no poste). */
  readonly nature: "soin" | "attribut" | "inconnu";
  /** 0..1; 1 when given by the grid (JSON) or corrected by the user. */
  readonly confiance: number;
  /** « libelle »: recognised from the label; « fournie »: given by the JSON grid or the user's correction. */
  readonly origine: "libelle" | "fournie";
  readonly raison: string;
  readonly ambigu: readonly string[];
  /** The line completes the line of this row (« Bonus fidélité », « Forfait supplémentaire »). */
  readonly complete: number | null;
  readonly cellules: readonly LectureCellule[];
}

export interface LectureCellule {
  readonly niveau: string;
  readonly adresse: string | null;
  /** As printed. */
  readonly texte: string;
  /** The canonical reading (« 150 % BR », « Néant »), or null when the cell was not read. */
  readonly lu: string | null;
  /** Why the cell was not read (the parser's message), else null. */
  readonly nonLu: string | null;
  /** The user's reading that replaced the printed text, else null. */
  readonly correction: string | null;
  /** The level has no value on this line (a correction band, a sub-table that does not print it). */
  readonly sansObjet: boolean;
}

export function lectureDeGrille(g: Grille): LectureGrille {
  let lignesCorrigees = 0;
  let cellulesCorrigees = 0;
  const lignes = g.lignes.map((l) => {
    if (l.reconnaissance.origine === "fournie" && g.source.format !== "json") lignesCorrigees++;
    const cellules = l.cellules.map((c): LectureCellule => {
      if (c.correction !== undefined) cellulesCorrigees++;
      return {
        niveau: c.niveau,
        adresse: c.adresse ?? null,
        texte: c.texte,
        lu: c.garantie !== undefined && !c.sansObjet ? unparseGarantie(c.garantie) : null,
        nonLu: c.erreur !== undefined ? c.erreur.message : null,
        correction: c.correction ?? null,
        sansObjet: c.sansObjet === true,
      };
    });
    return lectureLigne(l, cellules);
  });
  return { lignes, corrections: { lignes: lignesCorrigees, cellules: cellulesCorrigees } };
}

function lectureLigne(l: Ligne, cellules: readonly LectureCellule[]): LectureLigne {
  const p = l.poste === null ? undefined : posteParCode(l.poste);
  return {
    ligne: l.ligne,
    adresse: l.adresse ?? null,
    libelle: l.libelle,
    poste: l.poste,
    libellePoste: p?.libelle ?? null,
    nature: l.attribut ? "attribut" : l.poste === null ? "inconnu" : "soin",
    confiance: l.reconnaissance.confiance,
    origine: l.reconnaissance.origine,
    raison: l.reconnaissance.raison,
    ambigu: l.reconnaissance.ambigu ?? [],
    complete: l.complete ?? null,
    cellules,
  };
}
