import { aujourdhui, isoDepuisJour, jourDepuisIso } from "../core/dates";
import { lectureDeGrille, type Corrections, type Grille, type LectureGrille } from "../core/grille";
import { LIMITES, OCTETS_CLASSEUR_MAX, tailleFr } from "../core/grille/limites";
import { referentielAu, verifierGrille, versionR871_2, type RapportVerification } from "../core/responsable";
import { lireReference } from "./a1";
import { annulerPoste, corrigerCellule, corrigerPoste, posteDepuisChoix } from "./corrections";
import { el, par, pourcent, vider } from "./dom";
import {
  allerA,
  ecrireFeuilles,
  enregistrerCorrections,
  lireAdresseSelection,
  lireCorrectionsDuClasseur,
  lireSelection,
  suivreSelection,
  type Hote,
} from "./excel-io";
import { planGrilleNormalisee } from "./grille-normalisee";
import type { PlanFeuille } from "./plan";
import { planRapport } from "./rapport";
import { cleCorrections, correctionsAStocker, correctionsStockees, dansLeClasseur, decrireSource, importerSource, type Details, type Source } from "./source";
import { parametresVerifiesLe, VERSION_REMB } from "./versions";
import { rendreConstats } from "./vue-constats";
import { rendreLecture, type EtatLecture } from "./vue-lecture";
import { ErreurVolet, texteErreur } from "./erreurs";
import { appliquerTheme, message, tache } from "./ui";
import { ajouterNiveaux, ecrireComparaison, preparerFormulaire } from "./vue-comparaison";

/**
 * The pane's controller, loaded after the pane's first screen: reads a grid (selection, file, sample) with the user's
 * details and corrections, checks it, shows the reading and the findings, and writes the report sheets. All Excel
 * access goes through excel-io.ts on `hote` (Excel, or the demo workbook).
 */
type Mode = "excel" | "demo";

interface Etat {
  source?: Source;
  details: Details;
  corrections: Corrections;
  grille?: Grille;
  lecture?: LectureGrille;
  rapport?: RapportVerification;
  filtre: boolean;
  ouvertes: Set<number>;
}

let hote: Hote;
let mode: Mode;
const etat: Etat = { details: {}, corrections: {}, filtre: false, ouvertes: new Set() };

export function initialiser(h: Hote, m: Mode): void {
  hote = h;
  mode = m;
  suivreVisibilite();
}

/** The demo workbook (demo mode only), a chunk below this one. */
export async function creerDemo(conteneur: HTMLElement): Promise<Hote> {
  const demo = await import(/* webpackChunkName: "demo" */ "./demo");
  return demo.creerDemo(conteneur);
}

export function appliquerDetails(): Promise<void> {
  etat.details = lireDetails();
  return relire("Grille relue avec vos détails.");
}

export function changerFiltre(filtre: boolean): void {
  etat.filtre = filtre;
  rendreLignes();
}

// ——— loading ———

export async function chargerSelection(): Promise<void> {
  message("Lecture de la sélection…");
  const s = await lireSelection(hote);
  const source: Source = {
    type: "selection",
    feuille: s.feuille,
    adresse: s.adresse,
    ligne: s.ligne,
    colonne: s.colonne,
    valeurs: s.valeurs,
    formats: s.formats,
    fusions: s.fusions,
  };
  const notes = [
    s.adresse !== s.adresseSelection ? `sélection ${s.adresseSelection} réduite à sa partie remplie` : "",
    s.fusionsInconnues ? "cellules fusionnées non lues (ExcelApi 1.13)" : "",
  ].filter(Boolean);
  await nouvelleSource(source, s.corrections, notes.length > 0 ? ` (${notes.join(" ; ")})` : "");
}

export async function chargerFichier(f: File): Promise<void> {
  // Checked on the size the browser gives, before reading: the readers' own limits (5 Mo for CSV and JSON) apply next.
  if (f.size > OCTETS_CLASSEUR_MAX)
    throw new ErreurVolet(
      `Fichier trop gros (${tailleFr(f.size)}) : au plus ${tailleFr(OCTETS_CLASSEUR_MAX)} pour un classeur, ${tailleFr(LIMITES.octetsTexte)} pour un CSV ou un JSON ; un tableau de garanties fait d'ordinaire quelques dizaines de Ko.`,
    );
  message(`Lecture de ${f.name}…`);
  const octets = new Uint8Array(await f.arrayBuffer());
  const nom = f.name;
  if (/\.xls$/i.test(nom)) throw new ErreurVolet(`${nom} est un classeur Excel 97-2003 (XLS) : enregistrez-le en XLSX, puis importez-le.`);
  if (octets[0] === 0x50 && octets[1] === 0x4b) return chargerXlsx(nom, octets);
  const texte = new TextDecoder("utf-8")
    .decode(octets.subarray(0, 64))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/\.json$/i.test(nom) || texte.startsWith("{")) {
    return nouvelleSource({ type: "json", fichier: nom, texte: new TextDecoder("utf-8").decode(octets) }, await lireCorrectionsDuClasseur(hote));
  }
  return nouvelleSource({ type: "csv", fichier: nom, octets }, await lireCorrectionsDuClasseur(hote));
}

let xlsxEnAttente: { fichier: string; feuilles: import("./xlsx").FeuilleXlsx[] } | undefined;

async function chargerXlsx(fichier: string, octets: Uint8Array): Promise<void> {
  const { lireXlsx } = await import(/* webpackChunkName: "xlsx" */ "./xlsx");
  const feuilles = lireXlsx(octets).filter((f) => f.valeurs.length > 0);
  if (feuilles.length === 0) throw new ErreurVolet(`${fichier} : toutes les feuilles sont vides.`);
  if (feuilles.length === 1) return lireFeuilleXlsx(fichier, feuilles[0]!);
  xlsxEnAttente = { fichier, feuilles };
  const s = par<HTMLSelectElement>("s-feuille");
  vider(s);
  for (const [i, f] of feuilles.entries())
    s.append(el("option", { value: String(i) }, `${f.nom}${f.masquee ? " (masquée)" : ""} — ${f.valeurs.length} lignes`));
  par("choix-feuille").hidden = false;
  message(`${fichier} compte ${feuilles.length} feuilles remplies : choisissez celle de la grille, puis « Lire cette feuille ».`);
}

export async function choisirFeuilleXlsx(): Promise<void> {
  if (!xlsxEnAttente) return;
  const f = xlsxEnAttente.feuilles[Number(par<HTMLSelectElement>("s-feuille").value)];
  if (f) await lireFeuilleXlsx(xlsxEnAttente.fichier, f);
}

async function lireFeuilleXlsx(fichier: string, f: import("./xlsx").FeuilleXlsx): Promise<void> {
  await nouvelleSource(
    { type: "xlsx", fichier, feuille: f.nom, ligne: f.ligne, colonne: f.colonne, valeurs: f.valeurs, formats: f.formats, fusions: f.fusions },
    await lireCorrectionsDuClasseur(hote),
  );
}

export async function chargerExemple(fichier: string): Promise<void> {
  message(`Chargement de la grille d'exemple ${fichier}…`);
  const r = await fetch(`assets/grilles/${encodeURIComponent(fichier)}`);
  if (!r.ok) throw new ErreurVolet(`Grille d'exemple ${fichier} introuvable (${r.status}) : vérifiez l'accès au serveur du complément.`);
  const octets = new Uint8Array(await r.arrayBuffer());
  await nouvelleSource({ type: "csv", fichier, octets, exemple: true }, await lireCorrectionsDuClasseur(hote));
}

async function nouvelleSource(source: Source, stock: Readonly<Record<string, unknown>>, note = ""): Promise<void> {
  par("choix-feuille").hidden = true;
  xlsxEnAttente = undefined;
  const { corrections, probleme } = correctionsStockees(stock, cleCorrections(source));
  etat.source = source;
  etat.details = {};
  etat.corrections = corrections;
  etat.ouvertes.clear();
  par<HTMLInputElement>("d-controle").value = "";
  await relire(`Grille lue : ${decrireSource(source)}${note}.${probleme ? ` ${probleme}` : ""}`);
}

/** Reads the grid again from its source (details or corrections changed), then checks it and shows everything. */
async function relire(annonce: string): Promise<void> {
  const s = etat.source;
  if (!s) return;
  try {
    etat.grille = importerSource(s, etat.details, s.type === "json" ? undefined : etat.corrections);
  } catch (e) {
    etat.grille = undefined;
    for (const id of ["s-lecture", "s-controle", "s-ecrire"]) par(id).hidden = true;
    throw e;
  }
  etat.lecture = lectureDeGrille(etat.grille);
  verifier();
  rendreGrille();
  rendreLignes();
  rendreConstats(etat.rapport!, dansLeClasseur(s) ? (a) => void tache(() => allerA(hote, a)) : null);
  for (const id of ["s-grille", "s-lecture", "s-controle", "s-ecrire", "s-comparer"]) par(id).hidden = false;
  void preparerFormulaire().catch(() => undefined);
  message(annonce, "succes");
  message("", "info", "m-ecriture");
  montrerCelluleSelectionnee();
}

function verifier(): void {
  const d = par<HTMLInputElement>("d-controle").value;
  etat.rapport = verifierGrille(etat.grille!, d ? { date: jourDepuisIso(d) } : {});
}

export async function verifierEtMontrer(): Promise<void> {
  if (!etat.grille) return;
  verifier();
  rendreConstats(etat.rapport!, dansLeClasseur(etat.source!) ? (a) => void tache(() => allerA(hote, a)) : null);
}

// ——— details ———

/** The form's details; the name and date count as given only when they differ from what the grid prints. */
function lireDetails(): Details {
  const v = (id: string) => par<HTMLInputElement | HTMLSelectElement>(id).value;
  const oui = (x: string) => (x === "" ? undefined : x === "oui");
  const g = etat.grille;
  const avant = etat.details;
  const nom = v("d-nom").trim();
  const date = v("d-date");
  const dateLue = g?.dateEffet === undefined ? "" : isoDepuisJour(g.dateEffet);
  const responsable = oui(v("d-responsable"));
  const collectif = oui(v("d-collectif"));
  return {
    ...(nom !== "" && (avant.nom !== undefined || nom !== g?.nom) ? { nom } : {}),
    ...(date !== "" && (avant.dateEffet !== undefined || date !== dateLue) ? { dateEffet: date } : {}),
    ...(responsable !== undefined ? { responsable } : {}),
    ...(collectif !== undefined ? { collectif } : {}),
    ...(v("d-socle") !== "" ? { conventionSocle: v("d-socle") as NonNullable<Details["conventionSocle"]> } : {}),
    ...(v("d-nombres") !== "" ? { nombres: v("d-nombres") as NonNullable<Details["nombres"]> } : {}),
  };
}

function rendreGrille(): void {
  const g = etat.grille!;
  const d = etat.details;
  par("resume-grille").textContent =
    `« ${g.nom} » — ${g.lignes.length} lignes × ${g.niveaux.length} niveau${g.niveaux.length > 1 ? "x" : ""}, ${decrireSource(etat.source!)}.`;
  par<HTMLInputElement>("d-nom").value = g.nom;
  par<HTMLInputElement>("d-date").value = g.dateEffet !== undefined ? isoDepuisJour(g.dateEffet) : "";
  par("d-date-aide").textContent =
    d.dateEffet !== undefined
      ? "Date saisie par vous."
      : g.texteDateEffet
        ? `Lue sur la grille : « ${g.texteDateEffet} ».`
        : "Aucune date d'effet imprimée sur la grille.";
  const choix = (b: boolean | undefined) => (b === undefined ? "" : b ? "oui" : "non");
  par<HTMLSelectElement>("d-responsable").value = choix(d.responsable);
  par<HTMLSelectElement>("d-collectif").value = choix(d.collectif);
  par<HTMLSelectElement>("d-socle").value = d.conventionSocle ?? "";
  par<HTMLSelectElement>("d-nombres").value = d.nombres ?? "";
  const niveaux = par("d-niveaux");
  vider(niveaux);
  const ul = el("ul", { "aria-label": "Niveaux lus" });
  for (const n of g.niveaux) {
    const ro = g.alertes.find((a) => a.code === "CONVENTION_RO" && a.niveau === n.nom);
    const parties = [
      n.type === "niveau" ? "niveau" : n.type === "base" ? "niveau de base" : n.type,
      n.inclutNiveau !== undefined
        ? `${n.convention === "SOCLE_EN_SUS" ? "s'ajoute à" : "inclut"} « ${n.inclutNiveau} »${n.conventionExplicite ? " (lu dans l'en-tête)" : " (par défaut)"}`
        : "",
      ro ? "montants en sus de la Sécurité sociale (lu sur la grille)" : "Sécurité sociale incluse",
      n.nonResponsable ? "déclaré non responsable" : "",
    ].filter(Boolean);
    ul.append(el("li", {}, `${n.nom} : ${parties.join(", ")}`));
  }
  niveaux.append(
    el("p", { class: "aide" }, "Niveaux lus (la Sécurité sociale et le niveau de base se lisent dans les en-têtes et les mentions de la grille) :"),
    ul,
  );
}

// ——— reading and corrections ———

function etatLecture(): EtatLecture {
  return {
    grille: etat.grille!,
    lecture: etat.lecture!,
    corrections: etat.corrections,
    filtre: etat.filtre,
    ouvertes: etat.ouvertes,
    sansCorrections: etat.source?.type === "json",
  };
}

function rendreLignes(): void {
  if (!etat.grille || !etat.lecture) return;
  rendreLecture(etatLecture(), {
    corrigerPoste: (ligne, libelle, choix, identiques) =>
      void tache(() => changerCorrections(corrigerPoste(etat.corrections, ligne, libelle, posteDepuisChoix(choix), identiques), `l-${ligne}-corriger`)),
    annulerPoste: (ligne, libelle, identiques) =>
      void tache(() => changerCorrections(annulerPoste(etat.corrections, ligne, libelle, identiques), `l-${ligne}-corriger`)),
    corrigerCellule: (adresse, texte) => {
      const ligne = etat.lecture!.lignes.find((l) => l.cellules.some((c) => c.adresse?.replace(/^.*!/, "") === adresse))?.ligne;
      void tache(() => changerCorrections(corrigerCellule(etat.corrections, adresse, texte), ligne !== undefined ? `c-${ligne}-${adresse}` : undefined));
    },
  });
}

/**
 * A correction: saved in the workbook (so a colleague opening it reads the grid the same way), then the grid is read
 * and checked again. Focus returns to the control that made it: the list is rebuilt, the user's place is not lost.
 */
async function changerCorrections(c: Corrections, focus: string | undefined): Promise<void> {
  const avant = etat.corrections;
  etat.corrections = c;
  try {
    await relire("Correction appliquée.");
  } catch (e) {
    etat.corrections = avant;
    await relire("Correction refusée : la lecture précédente est rétablie.").catch(() => undefined);
    throw e;
  }
  let enregistree: string;
  try {
    await enregistrerCorrections(hote, cleCorrections(etat.source!), correctionsAStocker(c));
    enregistree = " Enregistrée dans le classeur : un collègue qui l'ouvre lit la grille de la même façon.";
  } catch (e) {
    enregistree = ` Non enregistrée dans le classeur : ${texteErreur(e)}`;
  }
  message(`Correction appliquée.${enregistree}`, enregistree.startsWith(" Non") ? "erreur" : "succes");
  if (focus) document.getElementById(focus)?.focus();
}

// ——— the cell selected in Excel ———

let arretSuivi: (() => Promise<void>) | undefined;
let minuterie: ReturnType<typeof setTimeout> | undefined;
let derniereAdresse: string | undefined;

function suivreVisibilite(): void {
  const visible = () => document.visibilityState === "visible";
  const maj = (montre: boolean) => {
    if (montre) {
      appliquerTheme();
      void demarrerSuivi();
    } else void arreterSuivi();
  };
  document.addEventListener("visibilitychange", () => maj(visible()));
  if (mode === "excel") {
    try {
      void Office.addin.onVisibilityModeChanged((a) => maj(a.visibilityMode === Office.VisibilityMode.taskpane));
    } catch {
      // SharedRuntime 1.1 missing: the document's visibility is the only signal.
    }
  }
  if (visible()) void demarrerSuivi();
}

/** Selection changes are followed while the pane shows only (handlers would otherwise run for a hidden pane). */
async function demarrerSuivi(): Promise<void> {
  if (arretSuivi || !hote.supporte("1.2")) return;
  try {
    arretSuivi = await suivreSelection(hote, () => {
      clearTimeout(minuterie);
      minuterie = setTimeout(() => void lireCelluleSelectionnee(), 200);
    });
  } catch {
    arretSuivi = undefined;
  }
}

async function arreterSuivi(): Promise<void> {
  clearTimeout(minuterie);
  const f = arretSuivi;
  arretSuivi = undefined;
  await f?.().catch(() => undefined);
}

async function lireCelluleSelectionnee(): Promise<void> {
  try {
    derniereAdresse = await lireAdresseSelection(hote);
  } catch {
    return;
  }
  montrerCelluleSelectionnee();
}

/** The reading of the selected cell, when it is a cell of the grid read from the workbook. */
function montrerCelluleSelectionnee(): void {
  const zone = par("cellule-selectionnee");
  const s = etat.source;
  const ref = derniereAdresse === undefined ? null : lireReference(derniereAdresse);
  if (!s || s.type !== "selection" || !ref || ref.feuille !== s.feuille || !etat.lecture) {
    zone.textContent = "";
    return;
  }
  const a1 = derniereAdresse!.replace(/^.*!/, "").replace(/\$/g, "");
  // A range (the whole grid selected again): nothing to say about one cell.
  if (a1.includes(":")) {
    zone.textContent = "";
    return;
  }
  for (const l of etat.lecture.lignes) {
    if (l.adresse?.replace(/^.*!/, "") === a1) {
      zone.textContent = `${a1} : ligne ${l.ligne} « ${l.libelle} » → ${l.libellePoste ?? (l.nature === "attribut" ? "service ou attribut, non vérifié" : "poste non reconnu")} (confiance ${pourcent(l.confiance)}).`;
      return;
    }
    for (const c of l.cellules) {
      if (c.adresse?.replace(/^.*!/, "") !== a1) continue;
      const lu = c.sansObjet ? "sans objet" : c.nonLu !== null ? `non lu : ${c.nonLu}` : `lu ${c.lu}`;
      zone.textContent = `${a1} : ${l.libelle}, ${c.niveau} — « ${c.texte} » ${lu}.`;
      return;
    }
  }
  zone.textContent = `${a1} : hors des lignes de garanties lues.`;
}

// ——— comparing ———

export async function ajouterALaComparaison(): Promise<void> {
  if (etat.grille) await ajouterNiveaux(etat.grille);
}

export function ecrireLaComparaison(): Promise<void> {
  return ecrireComparaison(hote);
}

// ——— writing ———

export async function ecrire(quoi: "rapport" | "normalisee"): Promise<void> {
  const g = etat.grille;
  const r = etat.rapport;
  const l = etat.lecture;
  if (!g || !r || !l || !etat.source) return;
  const plan: PlanFeuille =
    quoi === "rapport"
      ? planRapport({
          grille: g,
          rapport: r,
          lecture: l,
          source: decrireSource(etat.source),
          dansLeClasseur: dansLeClasseur(etat.source),
          referentiel: referentielAu(r.date),
          versionArticle: versionR871_2(r.date),
          versionRemb: VERSION_REMB,
          parametresVerifiesLe: parametresVerifiesLe(),
          ecritLe: aujourdhui(),
        })
      : planGrilleNormalisee(g, l, decrireSource(etat.source));
  const barre = par<HTMLProgressElement>("p-ecriture");
  barre.hidden = false;
  barre.value = 0;
  message(quoi === "rapport" ? "Écriture du rapport…" : "Écriture de la grille normalisée…", "info", "m-ecriture");
  try {
    const res = await ecrireFeuilles(hote, [plan], (fait, total) => {
      barre.max = total;
      barre.value = fait;
    });
    const omis = res.omis.length > 0 ? ` Non écrits avec cette version d'Excel : ${res.omis.join(", ")}.` : "";
    message(`${quoi === "rapport" ? "Rapport écrit" : "Grille normalisée écrite"} dans la nouvelle feuille « ${res.noms[0]} ».${omis}`, "succes", "m-ecriture");
  } catch (e) {
    message(texteErreur(e), "erreur", "m-ecriture");
  } finally {
    barre.hidden = true;
  }
}
