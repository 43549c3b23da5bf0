import { NEANT } from "../garantie";
import { contreditIntertitre, estAttribut, posteParCode, reconnaitrePoste, sectionDeTitre, sectionEnTete, type Poste, type Section } from "../postes";
import { plier } from "../texte/plier";
import { adresseA1 } from "./adresse";
import { lireCellule, signalerNettoyage, court } from "./cellule";
import type { ConventionsRo } from "./convention-ro";
import { lectureCorrigeeDe, posteCorrigeDe, type Corrections } from "./corrections";
import type { Colonne } from "./disposition";
import { erreur, type Feuille } from "./feuille";
import type { Cellule, Ligne, Niveau, ReconnaissanceLigne } from "./modele";
import { nombreFr, valeurCellule } from "./valeur-cellule";
import { estGlossaire, lireNotes, separerRenvois } from "./renvois";
import { libelleDuCas, lireCasUnique, lireSousCas, type SorteSousCas, type SousCas } from "./sous-cas";
import { bandeDeCorrection, enteteRepetee, lireBloc, sousEntete, type Bloc } from "./sous-tableaux";

/**
 * The lines of the grid, row by row under the header: section rows and sub-headings, lines and their cells, and
 * what real grids print between them — cells cut in two rows, second cases, lines that complete the one above,
 * list elements, attributes and sentences, sub-tables. See docs/format-grille.md §1 bis and §5.
 */
export class LecteurLignes {
  /** A « Unité » column (BR, FR, PMSS…) giving the base of each line's bare percentages. */
  constructor(
    private readonly f: Feuille,
    private readonly conventions: ConventionsRo,
    private readonly corrections: Corrections | undefined,
    private readonly colonneUnite: number | undefined,
  ) {}

  lire(
    debut: number,
    colonnes: readonly Colonne[],
    niveaux: readonly Niveau[],
    colonnesLibelle: readonly number[],
    unites: ReadonlySet<number>,
    libellesEntete: ReadonlySet<string>,
  ): Ligne[] {
    const parNom = new Map(colonnes.map((c) => [c.texte, c]));
    const colonnesNiveaux = niveaux.map((n) => parNom.get(n.nom)!);
    const lignes: Ligne[] = [];
    let section: Section | null = null;
    let intertitre: string | undefined;
    const memoire: (string | undefined)[] = colonnesLibelle.map(() => undefined);
    const derniereLibelle = colonnesLibelle.length - 1;
    let precedente: { libelle: string } | undefined;
    // « Lentilles correctrices - Remboursées par le RO » then « - Non remboursées par le RO »: the head of the list.
    let teteDeListe: string | undefined;
    // A sub-table with its own columns (« Base | | Option 1 | » over « Enfant | Adulte | Enfant | Adulte »).
    let bloc: Bloc | undefined;
    for (let r = debut; r < this.f.V.length; r++) {
      if (unites.has(r)) continue;
      const ligneV = this.f.V[r]!;
      if (ligneV.length === 0) continue;
      const aValeurs = colonnesNiveaux.some((col) => this.f.v(r, col.c).type !== "vide");
      // The header printed again at the top of a page or of a new table, or a sub-header (« Secteur conventionné |
      // Secteur non conventionné », « Adulte | Enfant »): not a line.
      const libelleEntete = colonnesLibelle.some((c) => libellesEntete.has(plier(this.f.texte(r, c))));
      if (aValeurs && (enteteRepetee(this.f, r, colonnesNiveaux) || (libelleEntete && !this.valeursLisibles(r, colonnesNiveaux)))) {
        bloc = undefined;
        continue;
      }
      if (aValeurs && sousEntete(this.f, r, colonnesNiveaux)) {
        bloc = lireBloc(this.f, r, colonnesNiveaux, niveaux, bloc);
        continue;
      }
      const libelles = colonnesLibelle.map((c) => this.f.texte(r, c));
      const fusionnee = aValeurs && this.f.uniforme(r, colonnesNiveaux[0]!.c);
      if (!aValeurs || fusionnee) {
        // A heading: a section row (« OPTIQUE ») or a sub-heading (« Honoraires médicaux »).
        const t = fusionnee
          ? this.f.texte(
              r,
              ligneV.findIndex((v) => v.type !== "vide"),
            )
          : libelles.filter((x) => x !== "").join(" — ");
        if (t === "") continue;
        // « (1) Hors ambulatoire. », « Abréviations : BR … »: notes, kept for the lines that refer to them, never a heading.
        if (lireNotes(t, this.f.origine.ligne + r).length > 0 || estGlossaire(t)) continue; // read by lireConventionsRo
        const s = sectionDeTitre(separerRenvois(t).texte);
        if (s !== null) {
          section = s;
          // « Médecines douces (ostéopathie, étiopathie…) » over « Reconnus comme praticiens … »: a section heading that
          // names the care also helps read the lines below it.
          intertitre = /\(/.test(t) ? t : undefined;
          bloc = undefined;
        } else if (!fusionnee && this.ligneSansValeur(r, t, section, intertitre, colonnesNiveaux, colonnesLibelle, lignes)) {
          // « Monture » under « Verres | Selon la grille optique » (a value merged down), « Indemnités de déplacement »
          // with nothing printed: a care line without a value of its own, kept, not checked, not a sub-heading.
          const numero = this.f.origine.ligne + r;
          const adresse = this.f.adresseLibelle(r, colonnesLibelle);
          const rc = this.reconnaitre(
            separerRenvois(t).texte,
            section,
            intertitre,
            numero,
            adresse,
            t,
            niveaux.map(() => ""),
          );
          this.f.alerte(
            "LIGNE_SANS_VALEUR",
            "info",
            `Ligne ${numero} : « ${court(t)} » n'a aucune valeur imprimée (cellule fusionnée avec la ligne du dessus ?) ; elle est gardée sans être vérifiée.`,
            { ligne: numero, ...(adresse ? { adresse } : {}) },
          );
          lignes.push({
            poste: rc.poste?.code ?? null,
            reconnaissance: rc.reconnaissance,
            libelle: t,
            section: rc.sectionLigne,
            ...(intertitre !== undefined ? { intertitre } : {}),
            ligne: numero,
            ...(adresse !== undefined ? { adresse } : {}),
            cellules: niveaux.map((n) => celluleSansObjet(n, adresseA1(this.f.origine, r, n.colonne))),
          });
        } else if (!fusionnee && this.elementDeListe(t, lignes, intertitre)) {
          // « − couronnes, bridges et inter de bridges » under « Prothèses dentaires … : 270 % BR »: what the line covers.
          const parent = [...lignes].reverse().find((l) => l.cellules.some((c) => !c.sansObjet))!;
          const numero = this.f.origine.ligne + r;
          const adresse = this.f.adresseLibelle(r, colonnesLibelle);
          lignes.push({
            poste: parent.poste,
            ...(parent.attribut ? { attribut: true as const } : {}),
            reconnaissance: { ...parent.reconnaissance, raison: `Élément de la liste de la ligne ${parent.ligne} (« ${court(parent.libelle)} »).` },
            libelle: t,
            section: parent.section,
            ...(intertitre !== undefined ? { intertitre } : {}),
            complete: parent.ligne,
            ligne: numero,
            ...(adresse !== undefined ? { adresse } : {}),
            cellules: niveaux.map((n) => celluleSansObjet(n, adresseA1(this.f.origine, r, n.colonne))),
          });
          continue;
        } else if (!fusionnee && estPhraseSansValeur(t)) {
          // « Un équipement (verres + monture) tous les 2 ans par personne, sauf enfants. »: a rule or a condition
          // printed among the lines, shown as an attribute. What it says may still qualify the lines below (« …
          // Équipements 100 % santé classe A »): it stays their sub-heading.
          const numero = this.f.origine.ligne + r;
          const adresse = this.f.adresseLibelle(r, colonnesLibelle);
          lignes.push({
            poste: null,
            attribut: true,
            reconnaissance: { origine: "libelle", confiance: 1, raison: "Phrase imprimée parmi les lignes (règle, condition) : gardée, non vérifiée." },
            libelle: t,
            section,
            ...(intertitre !== undefined ? { intertitre } : {}),
            ligne: numero,
            ...(adresse !== undefined ? { adresse } : {}),
            cellules: niveaux.map((n) => celluleSansObjet(n, adresseA1(this.f.origine, r, n.colonne))),
          });
          section = sectionEnTete(separerRenvois(t).texte) ?? section;
          intertitre = t;
        } else {
          // « Optique Les prestations … s'entendent y compris le RO »: a heading opening its section with a sentence.
          section = sectionEnTete(separerRenvois(t).texte) ?? section;
          intertitre = t;
        }
        teteDeListe = undefined;
        memoire.fill(undefined);
        continue;
      }
      // Several label columns: left ones hold a group (often merged down the rows), the last one the label.
      const propres: string[] = [];
      const contexte: string[] = [];
      for (let i = 0; i < libelles.length; i++) {
        const t = libelles[i]!;
        if (i < derniereLibelle) {
          if (t !== "") {
            memoire[i] = t;
            memoire.fill(undefined, i + 1);
          }
        }
        const texte = t !== "" ? t : i < derniereLibelle ? memoire[i] : undefined;
        if (texte === undefined) continue;
        // A left label column naming a section (« OPTIQUE » merged down) is the section, not part of the label;
        // the label itself (« Soins dentaires ») never is.
        const autre = libelles.some((x, k) => k > i && x !== "");
        const s = autre ? sectionDeTitre(texte) : null;
        if (s !== null) {
          section = s;
          continue;
        }
        (t !== "" ? propres : contexte).push(texte);
      }
      // A per-lens optical grid may print its correction band in the first value column (« SPH de − 6 à + 6 | 95 € |
      // 95 € »): the band is part of the label, not a guarantee.
      const bande = bandeDeCorrection(this.f, r, colonnesNiveaux);
      if (bande !== undefined) propres.push(this.f.texte(r, colonnesNiveaux[bande]!.c));
      let libelle = propres.join(" — ");
      const numero = this.f.origine.ligne + r;
      // « 30 € » over « Dans la limite de 30 jours » (a cell of the printed table cut in two rows): the row goes on with
      // the cells above, read together with them.
      const dessus = lignes[lignes.length - 1];
      if (
        libelle === "" &&
        dessus !== undefined &&
        dessus.ligne === numero - 1 &&
        !dessus.attribut &&
        lignes.filter((l) => l.ligne === dessus.ligne).length === 1 &&
        this.suiteDesCellules(r, colonnesNiveaux)
      ) {
        lignes[lignes.length - 1] = this.prolonger(dessus, r, colonnesNiveaux, niveaux);
        continue;
      }
      // A row with no label whose values each name one case (« | 200 % de la BR – non adhérents DPTM »,
      // « | Etablissements non conventionnés : 80 % … »): the second case of the line above.
      const casSeuls = libelle === "" && precedente !== undefined ? this.casDeContinuation(r, colonnesNiveaux) : undefined;
      if (casSeuls !== undefined) {
        const parent = lignes[lignes.length - 1];
        if (casSeuls.sorte !== "secteur") {
          const adresse = this.f.adresseLibelle(r, colonnesLibelle);
          this.f.alerte(
            "SOUS_CAS",
            "info",
            `Ligne ${numero} : second cas de « ${court(precedente!.libelle)} » (${casSeuls.qualificatif}) ; lu et vérifié avec des alertes seulement, à vérifier à la main.`,
            { ligne: numero, ...(adresse ? { adresse } : {}) },
          );
          // « Etablissements non conventionnés : 80 % des frais réels … » under the conventionné case: the same care,
          // another case of it, kept as a line of its own.
          if (parent !== undefined && !parent.attribut) {
            const poste = parent.poste === null ? null : (posteParCode(parent.poste) ?? null);
            lignes.push({
              poste: parent.poste,
              reconnaissance: {
                ...parent.reconnaissance,
                raison: `Second cas (${casSeuls.qualificatif}) de la ligne ${parent.ligne} (« ${court(parent.libelle)} »).`,
              },
              libelle: `${precedente!.libelle} — ${casSeuls.qualificatif}`,
              section: parent.section,
              ...(parent.intertitre !== undefined ? { intertitre: parent.intertitre } : {}),
              casDe: parent.ligne,
              ligne: numero,
              ...(adresse !== undefined ? { adresse } : {}),
              cellules: niveaux.map((n, i) => {
                const col = colonnesNiveaux[i]!;
                const v = this.f.v(r, col.c);
                const texteCas = v.type === "texte" ? lireCasUnique(separerRenvois(v.texte).texte)?.texte : undefined;
                return texteCas !== undefined
                  ? this.celluleDuCas(r, col, n, i, poste, numero, texteCas, [])
                  : this.celluleStandard(r, col, n, i, poste, numero, undefined, []);
              }),
            });
          }
          continue;
        }
        libelle = `${precedente!.libelle} — ${libelleDuCas(casSeuls)}`;
      }
      const { texte: libelleLu, marques: renvois } = separerRenvois(libelle);
      const adresseLibelle = this.f.adresseLibelle(r, colonnesLibelle);
      for (const c of colonnesLibelle) signalerNettoyage(this.f.v(r, c), { ligne: numero, adresse: adresseA1(this.f.origine, r, c) }, this.f.alerter);
      const inter = [intertitre, ...contexte].filter((x): x is string => x !== undefined && x !== "").join(" — ") || undefined;
      const valeurs = colonnesNiveaux.map((col, i) => (i === bande ? "" : this.f.texte(r, col.c)));
      const cas0 = this.sousCasDeLaLigne(r, colonnesNiveaux, bande);
      // One sector named in the values (« 300 % de la BR – adhérents DPTM »): it qualifies the line.
      const secteurSeul = cas0?.sorte === "secteur-unique" ? cas0.parNiveau.find((x) => x !== undefined)?.[0] : undefined;
      const libelleReconnu = this.avecTeteDeListe(secteurSeul ? `${libelleLu} ${libelleDuCas(secteurSeul)}` : libelleLu, teteDeListe, section);
      if (!/^\s*[-–—•]/.test(libelleLu) && libelleLu !== "") teteDeListe = libelleLu.split(/\s[-–—]\s/)[0];
      // « Bonus fidélité, après 2 années d'adhésion la garantie passe à : », « Forfait supplémentaire en euros »: the
      // line completes the one above, whose poste it takes.
      const complement =
        /^\W*(bonus|forfait suppl[ée]mentaire|suppl[ée]ment\b|apr[eè]s \d+ (ann[ée]es?|ans)|la garantie passe)/i.test(libelleLu) && dessus?.poste;
      const lu: { poste: Poste | null; reconnaissance: ReconnaissanceLigne; sectionLigne: Section | null; attribut?: true } = complement
        ? {
            poste: posteParCode(dessus!.poste!)!,
            reconnaissance: {
              origine: "libelle" as const,
              confiance: dessus!.reconnaissance.confiance,
              raison: `Complète la ligne du dessus (« ${court(dessus!.libelle)} »).`,
            },
            sectionLigne: dessus!.section,
          }
        : this.reconnaitre(libelleReconnu, section, inter, numero, adresseLibelle, libelle, valeurs, dessus?.attribut === true && dessus.ligne === numero - 1);
      const { poste, sectionLigne, attribut } = lu;
      const complete = complement ? dessus!.ligne : undefined;
      // A correction band (« Sphère de − 6 à + 6 », « SPH > 0 et S ≤ + 6 ») says by itself that the line is a lens.
      const reconnaissance: ReconnaissanceLigne =
        poste?.code === "optique.verre.correction" && lu.reconnaissance.origine === "libelle" && /\b(sph|cyl|sph[eè]re|cylindre)\b/i.test(libelle)
          ? {
              ...lu.reconnaissance,
              confiance: Math.max(lu.reconnaissance.confiance, 0.9),
              raison: `${lu.reconnaissance.raison} Tranche de correction d'un verre (sphère, cylindre).`,
            }
          : lu.reconnaissance;
      if (reconnaissance.origine === "libelle" && poste !== null && reconnaissance.confiance >= 0.8 && !reconnaissance.ambigu)
        section = sectionLigne ?? section;
      // « Optique | Limité à 1 équipement tous les 2 ans » : a section heading that carries a rule still opens its section.
      if (attribut) section = sectionDeTitre(libelleLu) ?? section;
      // In a sub-table, each variant of its columns (Adulte, Enfant) is a line of its own, its cells those of the
      // levels the sub-table's columns feed; a level the sub-table does not print has no value on these lines.
      if (bloc !== undefined && !attribut) {
        const variantes = [...new Set(bloc.colonnes.map((x) => x?.variante))];
        for (const variante of variantes) {
          const libelleV = variante === undefined ? libelle : `${libelle} — ${variante}`;
          // The variant (Adulte, Enfant) does not change what the line is.
          const rc = { poste, reconnaissance, sectionLigne };
          const cellulesV = niveaux.map((n, j) => {
            const i = bloc!.colonnes.findIndex((x) => x !== undefined && x.niveau === j && x.variante === variante);
            if (i < 0 || i === bande) return celluleSansObjet(n, adresseA1(this.f.origine, r, colonnesNiveaux[j]!.c));
            return this.conventions.appliquer(this.cellule(r, colonnesNiveaux[i]!, n, rc.poste, numero), j, renvois);
          });
          lignes.push({
            poste: rc.poste?.code ?? null,
            reconnaissance: rc.reconnaissance,
            libelle: libelleV,
            section: rc.sectionLigne,
            ...(inter !== undefined ? { intertitre: inter } : {}),
            ...(renvois.length > 0 ? { renvois } : {}),
            ...(variante !== undefined ? { variante } : {}),
            ...(bande !== undefined ? { bande: this.f.texte(r, colonnesNiveaux[bande]!.c) } : {}),
            ligne: numero,
            ...(adresseLibelle !== undefined ? { adresse: adresseLibelle } : {}),
            cellules: cellulesV,
          });
        }
        precedente = { libelle };
        continue;
      }
      // Cells that print two cases (« CAS 80 % BRSS Hors CAS 60 % BRSS »): the doctors' sectors make two lines.
      const cas = attribut ? undefined : cas0;
      if (cas !== undefined && cas.sorte === "secteur") {
        for (const un of ["OPTAM", "NON-OPTAM"]) {
          const libelleCas = `${libelle} — ${un === "OPTAM" ? "adhérents OPTAM" : "non adhérents OPTAM"}`;
          const rc = this.reconnaitre(separerRenvois(libelleCas).texte, section, inter, numero, adresseLibelle, libelle, valeurs);
          const cellulesCas = niveaux.map((n, i) => {
            const texteCas = cas.parNiveau[i]?.find((x) => x.cas === un)?.texte;
            if (texteCas === undefined) return this.celluleStandard(r, colonnesNiveaux[i]!, n, i, rc.poste, numero, bande, renvois);
            return this.celluleDuCas(r, colonnesNiveaux[i]!, n, i, rc.poste, numero, texteCas, renvois);
          });
          lignes.push({
            poste: rc.poste?.code ?? null,
            reconnaissance: rc.reconnaissance,
            libelle: libelleCas,
            section: rc.sectionLigne,
            ...(inter !== undefined ? { intertitre: inter } : {}),
            ...(renvois.length > 0 ? { renvois } : {}),
            ligne: numero,
            ...(adresseLibelle !== undefined ? { adresse: adresseLibelle } : {}),
            cellules: cellulesCas,
          });
        }
        precedente = { libelle };
        continue;
      }
      const cellules = niveaux.map((n, i) => {
        const adresse = adresseA1(this.f.origine, r, colonnesNiveaux[i]!.c);
        if (i === bande) return celluleLibelle(n, adresse);
        // A service or an attribute of the contract: its values are shown as printed, not read as guarantees.
        if (attribut) return this.celluleAttribut(r, colonnesNiveaux[i]!, n, adresse, numero);
        // Two cases of another kind (établissement conventionné or not, adult or child): the first one is read.
        const un = cas?.parNiveau[i];
        if (un !== undefined && un.length > 0 && cas!.sorte === "secteur-unique")
          return this.celluleDuCas(r, colonnesNiveaux[i]!, n, i, poste, numero, un[0]!.texte, renvois);
        if (un !== undefined && un.length > 0) {
          const principal = un.find((x) => x.cas === "CONVENTIONNE" || x.cas === "ADULTE") ?? un[0]!;
          this.f.alerte(
            "SOUS_CAS",
            "info",
            un.length === 1
              ? `${adresse} (${n.nom}) : la cellule ne vaut que pour « ${principal.qualificatif} » ; les autres cas sont à vérifier à la main.`
              : `${adresse} (${n.nom}) : ${un.length} cas imprimés (${un.map((x) => x.qualificatif).join(", ")}) ; « ${principal.qualificatif} » est vérifié, les autres sont à vérifier à la main.`,
            { ligne: numero, niveau: n.nom, adresse },
          );
          return this.celluleDuCas(r, colonnesNiveaux[i]!, n, i, poste, numero, principal.texte, renvois);
        }
        return this.celluleStandard(r, colonnesNiveaux[i]!, n, i, poste, numero, bande, renvois);
      });
      precedente = { libelle };
      lignes.push({
        poste: poste?.code ?? null,
        ...(attribut ? { attribut } : {}),
        ...(complete !== undefined ? { complete } : {}),
        ...(bande !== undefined ? { bande: this.f.texte(r, colonnesNiveaux[bande]!.c) } : {}),
        reconnaissance,
        libelle,
        section: sectionLigne,
        ...(inter !== undefined ? { intertitre: inter } : {}),
        ...(renvois.length > 0 ? { renvois } : {}),
        ligne: numero,
        ...(adresseLibelle !== undefined ? { adresse: adresseLibelle } : {}),
        cellules,
      });
    }
    if (lignes.length === 0) throw erreur("Aucune ligne de garanties sous l'en-tête.");
    return lignes;
  }

  /**
   * « - Non remboursées par le RO » under « Lentilles correctrices - Remboursées par le RO »: an item of a list that
   * names no poste by itself takes the list's head.
   */
  private avecTeteDeListe(libelle: string, tete: string | undefined, section: Section | null): string {
    if (tete === undefined || !/^\s*[-–—•]/.test(libelle)) return libelle;
    // Without the sub-heading: a list under a line outlives the sub-heading printed higher up.
    const seul = reconnaitrePoste(libelle, { section });
    const avec = reconnaitrePoste(`${tete} ${libelle}`, { section });
    // Only an item that names nothing by itself (« - Non remboursée par le RO »): « - Vaccins prescrits » is vaccines.
    return seul.poste === null && avec.poste !== null ? `${tete} ${libelle}` : libelle;
  }

  /**
   * « − couronnes, bridges et inter de bridges » with no value, right under a line with values (or under another
   * element of its list), no sub-heading in between: an element of what that line covers.
   */
  private elementDeListe(t: string, lignes: readonly Ligne[], intertitre: string | undefined): boolean {
    if (!/^\s*[-–—•−]\s*\S/.test(t) || /:\s*(\([^)]*\))?\s*$/.test(t)) return false;
    const dessus = lignes[lignes.length - 1];
    if (dessus === undefined || dessus.intertitre !== intertitre) return false;
    return dessus.cellules.some((c) => !c.sansObjet) || (dessus.complete !== undefined && dessus.cellules.every((c) => c.sansObjet));
  }

  /** Some value of the row reads as a guarantee with an amount (a header repeated above the table has none). */
  private valeursLisibles(r: number, colonnes: readonly Colonne[]): boolean {
    return colonnes.some((col) => {
      const v = this.f.v(r, col.c);
      return v.type === "nombre" || (v.type === "texte" && this.f.montantLisible(v.texte));
    });
  }

  /** Every value the row prints only goes on with a cell above (« Dans la limite de 30 jours », « par an »). */
  private suiteDesCellules(r: number, colonnes: readonly Colonne[]): boolean {
    const textes = colonnes.map((col) => this.f.v(r, col.c)).filter((v) => v.type !== "vide");
    return textes.length > 0 && textes.every((v) => v.type === "texte" && SUITE_DE_CELLULE.test(plier(v.texte)));
  }

  /** The line above with each of its cells read together with the row's text below it. */
  private prolonger(dessus: Ligne, r: number, colonnes: readonly Colonne[], niveaux: readonly Niveau[]): Ligne {
    const poste = dessus.poste === null ? null : (posteParCode(dessus.poste) ?? null);
    const cellules = dessus.cellules.map((c0, i) => {
      const suite = this.f.texte(r, colonnes[i]!.c);
      const adresseSuite = adresseA1(this.f.origine, r, colonnes[i]!.c);
      if (suite === "") return c0;
      const ensemble = `${c0.correction ?? c0.texte} ${suite}`.trim();
      if (c0.sansObjet) {
        this.f.alerte(
          "GARANTIE_ILLISIBLE",
          "alerte",
          `${adresseSuite} (${niveaux[i]!.nom}) : « ${court(suite)} » n'a pas de valeur au-dessus à compléter ; à vérifier à la main.`,
          {
            ligne: dessus.ligne,
            niveau: niveaux[i]!.nom,
            adresse: adresseSuite,
          },
        );
        return c0;
      }
      // Read together: a condition that does not read (« 30 € dans la limite de 30 jours »: per stay, per year?) makes
      // the whole cell unread, never a cover without its limit.
      const lu = lireCellule(
        valeurCellule(ensemble),
        { niveau: niveaux[i]!.nom, ...(c0.adresse !== undefined ? { adresse: c0.adresse } : {}), ligne: dessus.ligne, poste },
        this.f.alerter,
      );
      return this.conventions.appliquer({ ...lu, texte: ensemble, ...(c0.correction !== undefined ? { correction: ensemble } : {}) }, i, dessus.renvois ?? []);
    });
    return { ...dessus, cellules };
  }

  private celluleStandard(
    r: number,
    col: Colonne,
    n: Niveau,
    i: number,
    poste: Poste | null,
    numero: number,
    bande: number | undefined,
    renvois: readonly string[],
  ): Cellule {
    if (i === bande) return celluleLibelle(n, adresseA1(this.f.origine, r, col.c));
    return this.conventions.appliquer(this.cellule(r, col, n, poste, numero), i, renvois);
  }

  /** One case of a cell that prints several: its own text is read; the printed text stays what the report shows. */
  private celluleDuCas(r: number, col: Colonne, n: Niveau, i: number, poste: Poste | null, numero: number, texte: string, renvois: readonly string[]): Cellule {
    const adresse = adresseA1(this.f.origine, r, col.c);
    const c = lireCellule(valeurCellule(texte), { niveau: n.nom, adresse, ligne: numero, poste }, this.f.alerter);
    return this.conventions.appliquer({ ...c, texte: this.f.texte(r, col.c) }, i, renvois);
  }

  /** The cases the row's cells print, by level, when a cell does not read as one guarantee. */
  private sousCasDeLaLigne(
    r: number,
    colonnes: readonly Colonne[],
    bande: number | undefined,
  ): { sorte: SorteSousCas | "secteur-unique"; parNiveau: (SousCas[] | undefined)[] } | undefined {
    let sorte: SorteSousCas | undefined;
    const parNiveau = colonnes.map((col, i) => {
      const v = this.f.v(r, col.c);
      if (i === bande || v.type !== "texte" || this.f.montantLisible(v.texte)) return undefined;
      const texte = separerRenvois(v.texte).texte;
      const cas = lireSousCas(texte);
      const liste = cas.length > 0 ? cas : [lireCasUnique(texte)].filter((x): x is SousCas => x !== undefined);
      if (liste.length === 0) return undefined;
      sorte ??= liste[0]!.sorte;
      return liste[0]!.sorte === sorte ? liste : undefined;
    });
    if (sorte === undefined) return undefined;
    // A single sector case on a line (« 300 % de la BR – adhérents DPTM ») names that line's sector: no split.
    if (sorte === "secteur" && !parNiveau.some((x) => x !== undefined && new Set(x.map((c) => c.cas)).size > 1)) return { sorte: "secteur-unique", parNiveau };
    return { sorte, parNiveau };
  }

  /** A continuation row (no label): the single case every non-empty value names, when they all name the same. */
  private casDeContinuation(r: number, colonnes: readonly Colonne[]): SousCas | undefined {
    let cas: SousCas | undefined;
    for (const col of colonnes) {
      const v = this.f.v(r, col.c);
      if (v.type === "vide") continue;
      if (v.type !== "texte") return undefined;
      const c = lireCasUnique(separerRenvois(v.texte).texte);
      if (c === undefined || (cas !== undefined && cas.cas !== c.cas)) return undefined;
      cas = c;
    }
    return cas;
  }

  /**
   * The cell of a service or attribute line: read like any cell (« Oui », « Inclus », VRAI), silently; a sentence that
   * is no guarantee is kept as printed, a service.
   */
  private celluleAttribut(r: number, col: Colonne, n: Niveau, adresse: string, numero: number): Cellule {
    const c = lireCellule(this.f.v(r, col.c), { niveau: n.nom, adresse, ligne: numero, poste: null }, () => {});
    if (c.erreur === undefined) return c;
    return { niveau: n.nom, texte: c.texte, garantie: { type: "service", texte: c.texte }, adresse };
  }

  /**
   * A row with a care label and no value, right under a line that has values, followed by a line that reads alone:
   * not a sub-heading (nothing below depends on it) but a line whose value the file lost or that prints none.
   */
  private ligneSansValeur(
    r: number,
    texte: string,
    section: Section | null,
    intertitre: string | undefined,
    colonnes: readonly Colonne[],
    colonnesLibelle: readonly number[],
    lignes: readonly Ligne[],
  ): boolean {
    // « Panier libre (***) : », « Équipements hors 100 % Santé classe B – Tarifs libres » under « … classe A »: headings.
    if (/:\s*$/.test(separerRenvois(texte).texte) || contreditIntertitre(texte, intertitre)) return false;
    const precedente = lignes[lignes.length - 1];
    if (precedente === undefined || precedente.ligne !== this.f.origine.ligne + r - 1 || precedente.cellules.every((c) => c.sansObjet)) return false;
    const propre = reconnaitrePoste(separerRenvois(texte).texte, { section });
    if (propre.poste === null || propre.confiance < 0.8) return false;
    for (let k = r + 1; k < this.f.V.length; k++) {
      if (this.f.V[k]!.length === 0) continue;
      if (!colonnes.some((col) => this.f.v(k, col.c).type !== "vide")) return false; // a heading or another row without value
      const libelle = colonnesLibelle
        .map((c) => this.f.texte(k, c))
        .filter((x) => x !== "")
        .join(" ");
      if (libelle === "") return false;
      const suivante = reconnaitrePoste(separerRenvois(libelle).texte, { section });
      // « Pharmacie » over « Médicaments remboursés à 65 % »: the line below details this one, which is its heading.
      const detail =
        suivante.poste !== null &&
        (suivante.poste.code.startsWith(`${propre.poste.code}.`) || (propre.poste.paire !== undefined && suivante.poste.paire === propre.poste.paire));
      return suivante.poste !== null && suivante.confiance >= 0.8 && !detail && suivante.poste.code !== propre.poste.code;
    }
    return true;
  }

  private reconnaitre(
    libelle: string,
    section: Section | null,
    intertitre: string | undefined,
    numero: number,
    adresse: string | undefined,
    imprime: string,
    valeurs: readonly string[],
    apresAttribut = false,
  ): { poste: Poste | null; reconnaissance: ReconnaissanceLigne; sectionLigne: Section | null; attribut?: true } {
    const ou = { ligne: numero, ...(adresse ? { adresse } : {}) };
    const corrige = posteCorrigeDe(this.corrections, numero, imprime);
    if (corrige !== undefined) {
      const poste = corrige === null || corrige === "attribut" ? null : posteParCode(corrige)!;
      const raison = poste
        ? "Poste corrigé par l'utilisateur."
        : corrige === "attribut"
          ? "Attribut du contrat (corrigé par l'utilisateur)."
          : "Ligne marquée sans poste par l'utilisateur.";
      return {
        poste,
        reconnaissance: { origine: "fournie", confiance: 1, raison },
        sectionLigne: poste?.section ?? section,
        ...(corrige === "attribut" ? { attribut: true as const } : {}),
      };
    }
    const montants = valeurs.filter((t) => t !== "" && this.f.montantLisible(t)).length;
    if (estAttribut(libelle, intertitre, valeurs, montants, apresAttribut)) {
      return {
        poste: null,
        reconnaissance: { origine: "libelle", confiance: 1, raison: "Service ou attribut du contrat, pas un soin : gardé, non vérifié." },
        sectionLigne: section,
        attribut: true,
      };
    }
    if (libelle === "" && intertitre === undefined) {
      this.f.alerte("LIBELLE_VIDE", "alerte", `Ligne ${numero} : des garanties sans libellé ; la ligne est gardée sans poste.`, ou);
      return { poste: null, reconnaissance: { origine: "libelle", confiance: 0, raison: "Libellé vide." }, sectionLigne: section };
    }
    const r = reconnaitrePoste(libelle, { section, intertitre: intertitre ?? null });
    const reconnaissance: ReconnaissanceLigne = {
      origine: "libelle",
      confiance: r.confiance,
      raison: r.raison,
      ...(r.ambigu ? { ambigu: r.ambigu } : {}),
    };
    const affiche = libelle !== "" ? libelle : intertitre!;
    if (r.poste === null) {
      this.f.alerte(
        "LIBELLE_INCONNU",
        "alerte",
        `Ligne ${numero} : « ${court(affiche)} » ne correspond à aucun poste du catalogue ; la ligne est gardée mais ne peut pas être vérifiée.`,
        ou,
      );
    } else if (r.confiance < 0.5 || r.ambigu) {
      this.f.alerte(
        "RECONNAISSANCE_INCERTAINE",
        "info",
        `Ligne ${numero} : « ${court(affiche)} » lu comme « ${r.poste.libelle} » (confiance ${nombreFr(r.confiance)}). ${r.raison}`,
        ou,
      );
    }
    return { poste: r.poste, reconnaissance, sectionLigne: r.section };
  }

  private cellule(r: number, col: Colonne, n: Niveau, poste: Poste | null, numero: number): Cellule {
    const unite = this.f.options.nombres && this.f.options.nombres !== "auto" ? this.f.options.nombres : col.unite;
    const format = this.f.format(r, col.c);
    const adresse = adresseA1(this.f.origine, r, col.c);
    const corrigee = lectureCorrigeeDe(this.corrections, adresse);
    if (corrigee !== undefined) {
      // The user's reading replaces the printed one; the printed text stays what the report shows.
      const lu = lireCellule(valeurCellule(corrigee), { niveau: n.nom, adresse, ligne: numero, poste }, this.f.alerter);
      return { ...lu, texte: this.f.texte(r, col.c), correction: corrigee };
    }
    let v = this.f.v(r, col.c);
    // « 100 % » on a line whose « Unité » is FR is 100 % FR; « 1,5 % » with PMSS, 1,5 % PMSS.
    const base = this.colonneUnite === undefined ? undefined : plier(this.f.texte(r, this.colonneUnite));
    if (
      base !== undefined &&
      /^(br|fr|pmss|tm)$/.test(base) &&
      v.type === "texte" &&
      /^\s*\d+(?:[,.]\d+)?\s*%\s*(?:\(\S{1,3}\))?\s*$/.test(separerRenvois(v.texte).texte)
    ) {
      v = { ...v, texte: `${separerRenvois(v.texte).texte} ${base.toUpperCase()}` };
    }
    const c = lireCellule(v, { niveau: n.nom, adresse, ligne: numero, poste, ...(format ? { format } : {}), ...(unite ? { unite } : {}) }, this.f.alerter);
    // The language reads « + 200 € » as « 200 € » and leaves the socle to the column's convention; in a column
    // read as a total (socle included) a leading « + » more likely means « on top of the base »: say so.
    if (
      n.convention === "SOCLE_INCLUS" &&
      v.type === "texte" &&
      c.garantie?.type === "formule" &&
      c.garantie.convention === "RO_INCLUS" &&
      v.texte.trimStart().startsWith("+")
    ) {
      this.f.alerte(
        "PLUS_DANS_UN_TOTAL",
        "alerte",
        `${c.adresse ?? `Ligne ${numero}`} (${n.nom}) : « ${court(v.texte)} » est lu comme un total (la colonne inclut « ${n.inclutNiveau} ») ; ` +
          `si le montant s'ajoute à la base, écrivez « en sus de la base » dans l'en-tête de la colonne.`,
        { ligne: numero, niveau: n.nom, ...(c.adresse !== undefined ? { adresse: c.adresse } : {}) },
      );
    }
    return c;
  }

  signalerDoublons(lignes: readonly Ligne[]): void {
    const vus = new Map<string, Ligne>();
    for (const l of lignes) {
      if (l.poste === null || l.complete !== undefined || l.casDe !== undefined) continue;
      const avant = vus.get(l.poste);
      if (avant) {
        this.f.alerte(
          "POSTE_EN_DOUBLE",
          "info",
          `Lignes ${avant.ligne} et ${l.ligne} : même poste « ${posteParCode(l.poste)!.libelle} » (« ${court(avant.libelle)} », « ${court(l.libelle)} »).`,
          {
            ligne: l.ligne,
            ...(l.adresse ? { adresse: l.adresse } : {}),
          },
        );
      } else vus.set(l.poste, l);
    }
  }
}

/**
 * A row without values that is a sentence (a rule, a condition, a renewal period), not a heading: long, or ending
 * with a full stop, or with a verb a heading does not have.
 */
function estPhraseSansValeur(t: string): boolean {
  const u = separerRenvois(t).texte.trim();
  if (u.length < 40) return false;
  return (
    /[.;!]\s*$/.test(u) ||
    u.length > 120 ||
    /\b(est|sont|s'entend|s'entendent|s’entend|s’entendent|peut|peuvent|doit|doivent|permet|concerne|s'applique|s’applique|sauf|conformément|tous les (\d+ )?ans)\b/i.test(
      u,
    )
  );
}

/** The start of a text that only goes on with the cell above (folded). */
const SUITE_DE_CELLULE =
  /^\W*(dans la limite|limitee?s? a|plafonnee?s? a|max(imum)?\b|par (an|annee|jour|acte|seance|beneficiaire|oreille|verre)\b|au[- ]dela|sur (presentation|justificatif)|soit\b|sans limitation)/;

/** The cell of a level that holds part of the line's label (a correction band): no guarantee, nothing to read. */
function celluleLibelle(n: Niveau, adresse: string): Cellule {
  return celluleSansObjet(n, adresse);
}

/** A level that has no value on this line (the column holds its label, or a sub-table does not print the level). */
function celluleSansObjet(n: Niveau, adresse: string): Cellule {
  return { niveau: n.nom, texte: "", garantie: NEANT, adresse, sansObjet: true };
}
