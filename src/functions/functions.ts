/*
 * The REMB.* custom functions: the metadata plugin reads this file's JSDoc to write functions.json and appends the
 * CustomFunctions.associate calls. Ids, argument names, their order and optional flags are the public contract
 * (docs/fonctions.md): once released they never change, and
 * test/functions/metadata.test.ts compares them with test/fixtures/functions/contrat-public.json.
 *
 * Every argument is declared any[][] so that Excel passes ranges as matrices (a single cell arrives as [[v]]),
 * and every result is a matrix: one spilled array per call, 1×1 for single values. The bodies only delegate to
 * the adapters (src/functions/adaptateurs), which coerce the values, broadcast and call the core.
 *
 * Excel passes an invocation object after the declared arguments; the adapters never read beyond them.
 */
import { tm as tmAdaptateur } from "./adaptateurs/tm";
import { ro as roAdaptateur } from "./adaptateurs/ro";
import { soins as soinsAdaptateur } from "./adaptateurs/soins";
import { sejour as sejourAdaptateur } from "./adaptateurs/sejour";
import { fj as fjAdaptateur } from "./adaptateurs/fj";
import { param as paramAdaptateur } from "./adaptateurs/param";
import { verre as verreAdaptateur } from "./adaptateurs/verre";
import { categorie as categorieAdaptateur } from "./adaptateurs/categorie";
import { tsa as tsaAdaptateur } from "./adaptateurs/tsa";
import { optique as optiqueAdaptateur } from "./adaptateurs/optique";
import { audio as audioAdaptateur } from "./adaptateurs/audio";
import { dentaire as dentaireAdaptateur } from "./adaptateurs/dentaire";
import { garantie as garantieAdaptateur, normaliser as normaliserAdaptateur } from "./adaptateurs/garantie";
import { plafond as plafondAdaptateur, plancher as plancherAdaptateur } from "./adaptateurs/plafond";
import { renouvellement as renouvellementAdaptateur } from "./adaptateurs/renouvellement";
import { erreurValeur } from "./erreur-excel";

/**
 * Ticket modérateur : base × (1 − taux_ro), limité à frais − RO brut quand les frais sont donnés.
 * @customfunction TM
 * @helpurl https://localhost:3000/assets/help/tm.html
 * @param base Base de remboursement (BR) de la Sécurité sociale, en euros.
 * @param taux_ro Taux de remboursement de la Sécurité sociale : 70 % ou 0,7.
 * @param frais Facultatif : frais réels en euros ; le TM ne dépasse pas alors frais − RO brut.
 * @returns Le ticket modérateur en euros.
 */
export function tm(base: any[][], taux_ro: any[][], frais?: any[][]): any[][] {
  return tmAdaptateur(base, taux_ro, frais);
}

/**
 * Remboursement net de la Sécurité sociale : arrondi(base × taux_ro) − retenue (participation forfaitaire ou franchise), jamais négatif.
 * @customfunction RO
 * @helpurl https://localhost:3000/assets/help/ro.html
 * @param base Base de remboursement (BR), en euros.
 * @param taux_ro Taux de remboursement de la Sécurité sociale : 70 % ou 0,7.
 * @param retenue Facultatif : montant en euros, ou « PF », « FRANCHISE », « FRANCHISE-MEDICAMENT », « FRANCHISE-TRANSPORT » (montant en vigueur aujourd'hui).
 * @returns Le RO net en euros.
 */
export function ro(base: any[][], taux_ro: any[][], retenue?: any[][]): any[][] {
  return roAdaptateur(base, taux_ro, retenue);
}

/**
 * Remboursement d'un acte avec base de remboursement (consultation, auxiliaire, biologie, imagerie, pharmacie, honoraires…) : part complémentaire (RC) par défaut.
 * @customfunction SOINS
 * @helpurl https://localhost:3000/assets/help/soins.html
 * @param frais Frais réels facturés, en euros.
 * @param base Base de remboursement (BR), en euros.
 * @param taux_ro Taux de remboursement de la Sécurité sociale : 70 % ou 0,7.
 * @param garantie Garantie du contrat : texte (« 150 % BR », « 100 % BR + 50 € ») ou nombre en multiple de la BR (1,5 = 150 % BR).
 * @param secteur Facultatif : « OPTAM » (défaut, aussi secteur 1) ou « NON-OPTAM » (dépassements plafonnés par le contrat responsable).
 * @param retenue Facultatif : « PF » (participation forfaitaire), « FRANCHISE »… ou un montant en euros ; défaut : aucune.
 * @param date_soins Facultatif : date des soins ; défaut : aujourd'hui.
 * @param resultat Facultatif : « RC » (défaut), « RO », « RAC », « TOTAL » ou « DETAIL » (décompte détaillé).
 * @returns Le montant demandé en euros, ou le décompte détaillé.
 */
export function soins(
  frais: any[][],
  base: any[][],
  taux_ro: any[][],
  garantie: any[][],
  secteur?: any[][],
  retenue?: any[][],
  date_soins?: any[][],
  resultat?: any[][],
): any[][] {
  return soinsAdaptateur(frais, base, taux_ro, garantie, secteur, retenue, date_soins, resultat);
}

/**
 * Remboursement d'un équipement d'optique (monture + 2 verres), dans les plafonds du contrat responsable : part complémentaire (RC) par défaut.
 * @customfunction OPTIQUE
 * @helpurl https://localhost:3000/assets/help/optique.html
 * @param garantie Garantie du contrat : texte (« 300 € », « 100 % PLV ») ou nombre en euros (300 = 300 €).
 * @param monture Prix de la monture, en euros.
 * @param verres Prix des deux verres, en euros.
 * @param categorie Catégorie « a » à « f », ou « simple », « complexe », « très complexe », « simple-complexe »…
 * @param classe Facultatif : « B » (défaut, prix libres) ou « A » (100 % Santé).
 * @param base Facultatif : base de remboursement totale si elle est connue ; défaut : base légale de la classe.
 * @param date_soins Facultatif : date d'achat ; défaut : aujourd'hui.
 * @param resultat Facultatif : « RC » (défaut), « RO », « RAC », « TOTAL » ou « DETAIL ».
 * @returns Le montant demandé en euros, ou le décompte détaillé.
 */
export function optique(
  garantie: any[][],
  monture: any[][],
  verres: any[][],
  categorie: any[][],
  classe?: any[][],
  base?: any[][],
  date_soins?: any[][],
  resultat?: any[][],
): any[][] {
  return optiqueAdaptateur(garantie, monture, verres, categorie, classe, base, date_soins, resultat);
}

/**
 * Remboursement d'une aide auditive (une oreille) : classe I 100 % Santé, classe II dans le plafond du contrat responsable.
 * @customfunction AUDIO
 * @helpurl https://localhost:3000/assets/help/audio.html
 * @param garantie Garantie du contrat : texte (« 400 € », « 100 % PLV ») ou nombre en euros (400 = 400 €).
 * @param prix Prix de l'aide auditive, en euros.
 * @param classe Facultatif : « II » (défaut, prix libres) ou « I » (100 % Santé).
 * @param age Facultatif : âge du patient en années ; défaut : adulte.
 * @param date_soins Facultatif : date d'achat ; défaut : aujourd'hui.
 * @param resultat Facultatif : « RC » (défaut), « RO », « RAC », « TOTAL » ou « DETAIL ».
 * @returns Le montant demandé en euros, ou le décompte détaillé.
 */
export function audio(garantie: any[][], prix: any[][], classe?: any[][], age?: any[][], date_soins?: any[][], resultat?: any[][]): any[][] {
  return audioAdaptateur(garantie, prix, classe, age, date_soins, resultat);
}

/**
 * Remboursement dentaire (prothèse, orthodontie, soins) selon le panier 100 % Santé, maîtrisé ou libre : part complémentaire (RC) par défaut.
 * @customfunction DENTAIRE
 * @helpurl https://localhost:3000/assets/help/dentaire.html
 * @param garantie Garantie du contrat : texte (« 300 % BR », « 100 % HLF ») ou nombre en multiple de la BR (3 = 300 % BR).
 * @param frais Honoraires facturés, en euros.
 * @param base Base de remboursement (BR), en euros.
 * @param panier Facultatif : « 100%SANTE », « MAITRISE » ou « LIBRE » (défaut).
 * @param taux_ro Facultatif : taux de remboursement ; défaut : taux dentaire en vigueur à la date des soins.
 * @param date_soins Facultatif : date des soins ; défaut : aujourd'hui.
 * @param resultat Facultatif : « RC » (défaut), « RO », « RAC », « TOTAL » ou « DETAIL ».
 * @returns Le montant demandé en euros, ou le décompte détaillé.
 */
export function dentaire(
  garantie: any[][],
  frais: any[][],
  base: any[][],
  panier?: any[][],
  taux_ro?: any[][],
  date_soins?: any[][],
  resultat?: any[][],
): any[][] {
  return dentaireAdaptateur(garantie, frais, base, panier, taux_ro, date_soins, resultat);
}

/**
 * Remboursement des frais de séjour hospitalier : ticket modérateur, ou participation forfaitaire « actes lourds » : part complémentaire (RC) par défaut.
 * @customfunction SEJOUR
 * @helpurl https://localhost:3000/assets/help/sejour.html
 * @param frais Frais de séjour facturés, en euros.
 * @param base Base de remboursement (BR), en euros.
 * @param garantie Garantie du contrat : texte (« 100 % BR ») ou nombre en multiple de la BR (1 = 100 % BR).
 * @param acte_lourd Facultatif : VRAI si le séjour comporte un acte lourd (la participation forfaitaire remplace le ticket modérateur) ; défaut : FAUX.
 * @param taux_ro Facultatif : taux de remboursement ; défaut : taux hospitalier en vigueur à la date des soins.
 * @param date_soins Facultatif : date des soins ; défaut : aujourd'hui.
 * @param resultat Facultatif : « RC » (défaut), « RO », « RAC », « TOTAL » ou « DETAIL ».
 * @returns Le montant demandé en euros, ou le décompte détaillé.
 */
export function sejour(
  frais: any[][],
  base: any[][],
  garantie: any[][],
  acte_lourd?: any[][],
  taux_ro?: any[][],
  date_soins?: any[][],
  resultat?: any[][],
): any[][] {
  return sejourAdaptateur(frais, base, garantie, acte_lourd, taux_ro, date_soins, resultat);
}

/**
 * Forfait journalier hospitalier dû pour un séjour (jour de sortie compris), que le contrat responsable doit couvrir.
 * @customfunction FJ
 * @helpurl https://localhost:3000/assets/help/fj.html
 * @param jours Nombre de jours du séjour, jour de sortie compris.
 * @param psy Facultatif : VRAI pour un service de psychiatrie ; défaut : FAUX.
 * @param date_soins Facultatif : date d'entrée ; défaut : aujourd'hui.
 * @returns Le forfait journalier total en euros.
 */
export function fj(jours: any[][], psy?: any[][], date_soins?: any[][]): any[][] {
  return fjAdaptateur(jours, psy, date_soins);
}

/**
 * Montant total garanti (Sécurité sociale incluse) par une expression de garantie pour cette base.
 * @customfunction GARANTIE
 * @helpurl https://localhost:3000/assets/help/garantie.html
 * @param expression Expression de garantie : « 150 % BR », « 100 % BR + 50 € », « 1,5 % PMSS »…
 * @param base Base de remboursement (BR), en euros.
 * @param frais Facultatif : frais réels en euros, pour les garanties en frais réels.
 * @param date_soins Facultatif : date des soins (année du PMSS) ; défaut : aujourd'hui.
 * @returns Le montant garanti en euros.
 */
export function garantie(expression: any[][], base: any[][], frais?: any[][], date_soins?: any[][]): any[][] {
  return garantieAdaptateur(expression, base, frais, date_soins);
}

/**
 * Forme canonique d'une expression de garantie (« 150 % BR + 50 € / an »), ou le message d'erreur de lecture.
 * @customfunction NORMALISER
 * @helpurl https://localhost:3000/assets/help/normaliser.html
 * @param expression Expression de garantie telle qu'écrite dans la grille.
 * @returns Le texte canonique, ou l'erreur en français.
 */
export function normaliser(expression: any[][]): any[][] {
  return normaliserAdaptateur(expression);
}

/**
 * Plafond du contrat responsable pour un poste (« optique » et sa catégorie, « monture », « audio », « non-optam » et le niveau OPTAM…).
 * @customfunction PLAFOND
 * @helpurl https://localhost:3000/assets/help/plafond.html
 * @param poste Poste : « optique », « monture », « audio », « non-optam »…
 * @param categorie Facultatif : catégorie d'optique « a » à « f », ou niveau de la garantie OPTAM pour « non-optam ».
 * @param date_soins Facultatif : date du contrat ; défaut : aujourd'hui.
 * @returns Le plafond, en euros ou en multiple de la BR.
 */
export function plafond(poste: any[][], categorie?: any[][], date_soins?: any[][]): any[][] {
  return plafondAdaptateur(poste, categorie, date_soins);
}

/**
 * Plancher du contrat responsable pour un poste (optique classe B par catégorie…).
 * @customfunction PLANCHER
 * @helpurl https://localhost:3000/assets/help/plancher.html
 * @param poste Poste : « optique »…
 * @param categorie Facultatif : catégorie d'optique « a » à « f », porteur pour « audio classe I » (« adulte », « enfant », un âge), « psychiatrie ».
 * @param date_soins Facultatif : date du contrat ; défaut : aujourd'hui.
 * @returns Le plancher, en euros ou en multiple de la BR.
 */
export function plancher(poste: any[][], categorie?: any[][], date_soins?: any[][]): any[][] {
  return plancherAdaptateur(poste, categorie, date_soins);
}

/**
 * Valeur d'un paramètre légal à une date (« pmss », « fj.montant », « pf.montant »…) : euros, taux, nombre, VRAI/FAUX ou date.
 * @customfunction PARAM
 * @helpurl https://localhost:3000/assets/help/param.html
 * @param nom Nom du paramètre, par exemple « pmss » ou « fj.montant ».
 * @param date_soins Facultatif : date de la valeur ; défaut : aujourd'hui.
 * @returns La valeur en vigueur à cette date.
 */
export function param(nom: any[][], date_soins?: any[][]): any[][] {
  return paramAdaptateur(nom, date_soins);
}

/**
 * Type d'un verre selon le contrat responsable : « simple », « complexe » ou « très complexe ».
 * @customfunction VERRE
 * @helpurl https://localhost:3000/assets/help/verre.html
 * @param sphere Sphère en dioptries, par exemple -2,25.
 * @param cylindre Cylindre en dioptries, positif ou négatif ; 0 sans cylindre.
 * @param progressif Facultatif : VRAI pour un verre multifocal ou progressif ; défaut : FAUX.
 * @returns Le type du verre.
 */
export function verre(sphere: any[][], cylindre: any[][], progressif?: any[][]): any[][] {
  return verreAdaptateur(sphere, cylindre, progressif);
}

/**
 * Catégorie d'équipement d'optique « a » à « f » à partir des types des deux verres.
 * @customfunction CATEGORIE
 * @helpurl https://localhost:3000/assets/help/categorie.html
 * @param verre_droit Type du verre droit : « simple », « complexe » ou « très complexe » (résultat de REMB.VERRE).
 * @param verre_gauche Type du verre gauche : « simple », « complexe » ou « très complexe ».
 * @returns La catégorie, de « a » à « f ».
 */
export function categorie(verre_droit: any[][], verre_gauche: any[][]): any[][] {
  return categorieAdaptateur(verre_droit, verre_gauche);
}

/**
 * VRAI si l'équipement d'optique ou l'aide auditive peut être renouvelé dans les délais du contrat responsable.
 * @customfunction RENOUVELLEMENT
 * @helpurl https://localhost:3000/assets/help/renouvellement.html
 * @param domaine « optique » ou « audio ».
 * @param date_precedent Date d'achat de l'équipement précédent.
 * @param date_achat Date du nouvel achat.
 * @param age Facultatif : âge du patient en années ; défaut : adulte.
 * @param motif Facultatif : motif de renouvellement anticipé, par exemple « évolution de la vue ».
 * @returns VRAI ou FAUX.
 */
export function renouvellement(domaine: any[][], date_precedent: any[][], date_achat: any[][], age?: any[][], motif?: any[][]): any[][] {
  return renouvellementAdaptateur(domaine, date_precedent, date_achat, age, motif);
}

/**
 * Taxe de solidarité additionnelle due sur une cotisation santé (taux réduit pour un contrat solidaire et responsable).
 * @customfunction TSA
 * @helpurl https://localhost:3000/assets/help/tsa.html
 * @param cotisation Cotisation hors taxe, en euros.
 * @param responsable Facultatif : VRAI (défaut) pour un contrat solidaire et responsable, FAUX sinon.
 * @param date_soins Facultatif : date d'échéance de la cotisation ; défaut : aujourd'hui.
 * @returns La taxe en euros.
 */
export function tsa(cotisation: any[][], responsable?: any[][], date_soins?: any[][]): any[][] {
  return tsaAdaptateur(cotisation, responsable, date_soins);
}

/**
 * Contrôle d'une grille de garanties au regard du contrat responsable : un tableau des constats (gravité, règle, poste, niveau, valeur, cellule, message, référence), avec une ligne « Conforme » quand il n'y a ni erreur ni alerte.
 * @customfunction VERIFIER
 * @helpurl https://localhost:3000/assets/help/verifier.html
 * @requiresParameterAddresses
 * @param grille Plage de la grille : libellés en première colonne, un niveau par colonne, titres et sections compris.
 * @param date_soins Facultatif : date du contrat (souscription ou renouvellement) ; défaut : date d'effet imprimée sur la grille, sinon aujourd'hui.
 * @param invocation Informations d'appel fournies par Excel (adresse de la plage).
 * @returns Les constats, un par ligne, sous une ligne d'en-tête.
 */
export async function verifier(grille: any[][], date_soins?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  const m = await charger(() => import(/* webpackChunkName: "verifier" */ "./adaptateurs/verifier"));
  return m === null ? [[erreurChargement("REMB.VERIFIER", "verifier.js")]] : m.verifier(grille, date_soins, invocation?.parameterAddresses?.[0]);
}

/**
 * Scénarios types de remboursement (hospitalisation, soins courants, dentaire, optique, aides auditives) à une date : prix, base et taux de la Sécurité sociale, fonction REMB à appeler, source.
 * @customfunction SCENARIOS
 * @helpurl https://localhost:3000/assets/help/scenarios.html
 * @param date_soins Facultatif : date de la comparaison (bases, taux et montants légaux en vigueur) ; défaut : aujourd'hui.
 * @returns Le tableau des scénarios, un par ligne, sous une ligne d'en-tête.
 */
export async function scenarios(date_soins?: any[][]): Promise<any[][]> {
  const m = await charger(() => import(/* webpackChunkName: "scenarios" */ "./adaptateurs/scenarios"));
  return m === null ? [[erreurChargement("REMB.SCENARIOS", "scenarios.js")]] : m.scenarios(date_soins);
}

/*
 * REMB.VERIFIER and REMB.SCENARIOS are the lazily loaded functions: the grid reader, the postes catalogue and the rules are as big
 * as everything else together (verifier.js ≈ 45 KiB gzip against ≈ 63 KiB for functions.js) and serve a few cells,
 * not claim lines, so they are a webpack chunk fetched on the first call, which answers asynchronously (the same
 * for the scenario data of REMB.SCENARIOS, a few Kio that only comparison sheets read). The other
 * reference functions (PLAFOND, PLANCHER, RENOUVELLEMENT) cost about 4 KiB gzip and no measurable load time in
 * functions.js: they are synchronous, never « #BUSY! » and never depend on reaching the server after loading.
 */
async function charger<M>(importer: () => Promise<M>): Promise<M | null> {
  try {
    return await importer();
  } catch {
    return null;
  }
}

/** The chunk could not be fetched (offline, blocked URL): the cell says so rather than staying « #BUSY! ». */
function erreurChargement(fonction: string, fichier: string) {
  return erreurValeur(`${fonction} n'a pas pu charger son module (${fichier}) : vérifiez l'accès au serveur du complément, puis recalculez.`);
}
