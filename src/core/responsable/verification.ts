import type { Jour } from "../dates";
import type { Grille, Ligne } from "../grille";
import { posteParCode, type IdRegle, type Poste } from "../postes";
import type { Constat, Gravite, RegleConstat } from "./constat";
import { Couvertures, type Couverture } from "./couverture";

/**
 * The state of one check of one grid: the grid, the date the rules are read at, the covers, and the findings so
 * far. Rules read the grid through it and report through `signaler`.
 */
export class Verification {
  readonly couvertures: Couvertures;
  private readonly constats: Constat[] = [];
  private readonly postes: (Poste | undefined)[];
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly grille: Grille,
    /** Contract date: selects the responsible regime and the dated values (docs/modele-de-calcul.md §8). */
    readonly date: Jour,
  ) {
    this.couvertures = new Couvertures(grille);
    this.postes = grille.lignes.map((l) => (l.poste === null ? undefined : posteParCode(l.poste)));
  }

  /** The grid claims not to be responsible: the rules do not bind it, findings are given for information. */
  get nonResponsable(): boolean {
    return this.grille.responsable === false;
  }

  posteDe(iLigne: number): Poste | undefined {
    return this.postes[iLigne];
  }

  /** Indexes of the lines whose poste satisfies `filtre`, in grid order. */
  lignes(filtre: (p: Poste) => boolean): number[] {
    const r: number[] = [];
    for (let i = 0; i < this.postes.length; i++) {
      const p = this.postes[i];
      if (p !== undefined && filtre(p)) r.push(i);
    }
    return r;
  }

  /**
   * A value computed once per check (sample bills of a kind of line, dated values): a 120-line grid would
   * otherwise rebuild the same points on every line.
   */
  memo<T>(cle: string, f: () => T): T {
    if (this.memos.has(cle)) return this.memos.get(cle) as T;
    const v = f();
    this.memos.set(cle, v);
    return v;
  }

  /** Every level's cover of a line, skipping what no rule can judge (unreadable cells, options repeating a socle). */
  couverturesDe(iLigne: number): Couverture[] {
    const r: Couverture[] = [];
    for (let n = 0; n < this.grille.niveaux.length; n++) {
      const c = this.couvertures.de(iLigne, n);
      // An empty cell of a « Non signataires DPTM » column: the line is printed once for every doctor.
      if (c.niveau.secteur === "NON-OPTAM" && c.cellule.texte.trim() === "") continue;
      if (c.lisible && !c.herite && !c.cellule.sansObjet) r.push(c);
    }
    return r;
  }

  /**
   * A finding about one cell (a level's cover of a line). An erreur is a claim an auditor signs: when REMB is not sure
   * of what it read — the line's poste is uncertain, or the cell is empty (not covered, or a value merged from the row
   * above that the file lost?) — the finding is an alerte that says what to check.
   */
  signaler(regle: IdRegle, gravite: Gravite, c: Couverture, message: string, reference: string): void {
    const socle = c.colonnes.length > 1 ? ` (couverture cumulée ${c.colonnes.join(" + ")})` : "";
    const doute = gravite === "erreur" ? douteDeLecture(c) : undefined;
    this.ajouter({
      regle,
      gravite: doute ? "alerte" : gravite,
      message: message + socle + (doute ? ` À vérifier : ${doute}` : ""),
      reference,
      poste: c.ligne.poste,
      libelle: c.ligne.libelle,
      niveau: c.niveau.nom,
      valeur: c.cellule.texte,
      ligne: c.ligne.ligne,
      ...(c.cellule.adresse !== undefined ? { adresse: c.cellule.adresse } : {}),
    });
  }

  /** A finding about a whole line (its label cell). */
  signalerLigne(regle: IdRegle, gravite: Gravite, l: Ligne, message: string, reference: string): void {
    this.ajouter({
      regle,
      gravite,
      message,
      reference,
      poste: l.poste,
      libelle: l.libelle,
      ligne: l.ligne,
      ...(l.adresse !== undefined ? { adresse: l.adresse } : {}),
    });
  }

  /** A finding about the grid as a whole (a missing line, the regime, a contract-level condition). */
  signalerGrille(regle: RegleConstat, gravite: Gravite, message: string, reference: string): void {
    this.ajouter({ regle, gravite, message, reference, poste: null });
  }

  /** Import problems, as they were reported (rule « lecture »). */
  ajouterLecture(c: Constat): void {
    this.constats.push(c);
  }

  private ajouter(c: Constat): void {
    // A grid declared non-responsible is not bound by R871-1 / R871-2: what would be an error is information.
    if (this.nonResponsable && c.gravite === "erreur") {
      this.constats.push({ ...c, gravite: "info", message: `Grille déclarée non responsable — ${c.message}` });
      return;
    }
    // So is a level whose header says « non responsable ».
    if (c.gravite === "erreur" && c.niveau !== undefined && this.grille.niveaux.find((n) => n.nom === c.niveau)?.nonResponsable) {
      this.constats.push({ ...c, gravite: "info", message: `Niveau déclaré non responsable — ${c.message}` });
      return;
    }
    this.constats.push(c);
  }

  resultat(): readonly Constat[] {
    return this.constats;
  }
}

/** Below this confidence, the poste REMB attached to a line is a guess: no erreur is signed on it. */
export const CONFIANCE_ERREUR = 0.8;

/** Why the reading of this cover is not sure enough for an erreur, or undefined when it is. */
function douteDeLecture(c: Couverture): string | undefined {
  if (c.ligne.casDe !== undefined) {
    return `la ligne est un autre cas de la ligne ${c.ligne.casDe} (${c.ligne.libelle.split(" — ").pop()}) : sa base et ses règles peuvent différer.`;
  }
  if (c.ligne.complete !== undefined) {
    return `la ligne complète la ligne ${c.ligne.complete} (supplément, bonus) : elle se lit avec elle, pas seule.`;
  }
  // « + 20 % BR » in a level that includes no base: on top of the Sécurité sociale, of another column, of the base?
  if (c.colonnes.length === 1 && /^\s*\+/.test(c.cellule.texte)) {
    return `« ${c.cellule.texte} » commence par « + » : ce montant s'ajoute à quoi (Sécurité sociale, autre colonne, niveau de base) ?`;
  }
  // « Adhérents DPTM : | 150 % BR » under two level headers: the sector is printed where a value is expected, so
  // which doctors the value is for (and which level it belongs to) is uncertain.
  const secteur = c.ligne.cellules.find((x) => x.erreur !== undefined && /\b(adh[ée]rents?|signataires?|dptam|dptm|optam|cas)\b/i.test(x.texte));
  if (secteur !== undefined) {
    return `la ligne imprime « ${secteur.texte} » à la place d'une valeur (${secteur.adresse ?? "colonne de niveau"}) : les colonnes sont-elles décalées, et pour quels médecins vaut la garantie ?`;
  }
  if (c.niveau.sansNom) return `la colonne « ${c.niveau.nom} » n'a pas de nom d'en-tête : est-ce un niveau de garanties ?`;
  const r = c.ligne.reconnaissance;
  if (r.origine === "libelle" && (r.confiance < CONFIANCE_ERREUR || r.ambigu !== undefined)) {
    return `le libellé « ${c.ligne.libelle} » n'a été rattaché à ce poste qu'avec une confiance de ${String(r.confiance).replace(".", ",")} (${r.raison}) ; corrigez le poste si besoin.`;
  }
  if (c.cellule.texte.trim() === "") {
    return "la cellule est vide : garantie absente, ou valeur d'une cellule fusionnée avec la ligne du dessus que le fichier a perdue ?";
  }
  return undefined;
}
