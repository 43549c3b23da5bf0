/** `remb aide` / `remb --help` (French). The README and docs/cli.md say the same at more length. */

export const AIDE_GENERALE = `remb — outils REMB en ligne de commande

Usage :
  remb verifier <fichiers ou dossiers...> [options]   vérifie des grilles de garanties (contrat responsable)
  remb calculer <sinistres> --grille G --niveau N     applique une grille à une table de sinistres
  remb sql --grille G --niveau N                      le même calcul en SQL (DuckDB, Spark SQL…)
  remb comparer <grilles...> [options]                compare des niveaux sur des scénarios types, en euros
  remb aide [verifier|calculer|sql|comparer]          cette aide, ou celle d'une commande
  remb --version                                      version de REMB

Exemple :
  npx remb verifier grilles/ --date 2026-01-01
`;

export const AIDE_VERIFIER = `remb verifier — vérifie des grilles de garanties au regard du contrat responsable

Usage :
  remb verifier <fichiers ou dossiers...> [options]

Entrées :
  Fichiers .csv, .xlsx, .json (format JSON de REMB, docs/format-grille.md) ; .txt et .tsv
  lus comme CSV. Un dossier est parcouru avec ses sous-dossiers (.csv, .tsv, .xlsx, .xlsm,
  .json, .xls), dans l'ordre des noms ; fichiers cachés et « ~$… » (verrous Excel) ignorés.

Options :
  --date AAAA-MM-JJ    date du contrat (souscription ou renouvellement) appliquée à toutes
                       les grilles ; JJ/MM/AAAA accepté. Par défaut : la date d'effet
                       imprimée sur chaque grille, sinon la date du jour.
  --json               un seul document JSON sur la sortie standard (schéma : docs/cli.md)
  --feuille NOM        feuille à lire dans les classeurs XLSX (par défaut : la première
                       feuille qui se lit comme une grille)
  --responsable        traite toutes les grilles comme des contrats responsables
  --non-responsable    … comme des contrats non responsables
                       (par défaut : ce que dit la grille)
  --collectif          contrats collectifs obligatoires (planchers D911-1)
  --individuel         contrats individuels
  --nombres UNITE      unité des nombres sans format des CSV/XLSX : auto (défaut),
                       pourcentage (150 = 150 % BR), multiple (1,5 = 150 % BR), euros
  --gravite NIVEAU     n'affiche que les constats de gravité NIVEAU ou plus grave :
                       erreur, alerte, info (défaut : tout) ; les comptes restent complets
  --lecture            montre ce que REMB a compris : poste, confiance et raison de chaque
                       ligne, lecture de chaque cellule (ou pourquoi elle n'est pas lue)
  --corrections FICH   applique un fichier de corrections (JSON ou CSV : poste d'une ligne
                       ou d'un libellé, lecture d'une cellule ; docs/format-grille.md)
  -h, --aide           cette aide

Codes de sortie :
  0  toutes les grilles sont conformes, sans alerte
  1  au moins une grille a un constat de gravité « erreur »
  2  un fichier est illisible ou n'a pas pu être vérifié, ou la ligne de commande est
     incorrecte (2 l'emporte sur 1) ; les autres fichiers sont tout de même vérifiés
  3  aucune erreur, mais une grille est « conforme sous réserve » : des alertes restent
     à examiner (ligne ou cellule non vérifiée, poste incertain) ; 1 et 2 l'emportent sur 3

Affichage : en couleur seulement sur un terminal ; NO_COLOR=1 les retire, FORCE_COLOR=1
les impose. REMB_DEBUG=1 affiche la pile des erreurs internes sur la sortie d'erreur.

Exemples :
  npx remb verifier assets/grilles/conforme.csv
  npx remb verifier grilles/ --date 01/01/2026 --gravite erreur
  npx remb verifier grilles/ --json > rapport.json
  npx remb verifier grille.xlsx --lecture --corrections corrections.json
`;

export const AIDE_CALCULER = `remb calculer — applique une grille de garanties à une table de sinistres

Usage :
  remb calculer <sinistres> --grille GRILLE --niveau NIVEAU [options]
  remb calculer <sinistres> [options]          (une colonne « garantie » sur chaque ligne)

Entrées :
  Table de sinistres .csv (« ; », « , » ou tabulation ; montants « 1 234,56 » ou « 1234.56 »),
  .xlsx ou .parquet ; une ligne par acte. Colonnes reconnues d'elles-mêmes : date, frais,
  base, taux_ro, poste, garantie, secteur, retenue, beneficiaire, panier, acte_lourd,
  date_contrat (voir docs/calcul.md) ; les autres se nomment avec --colonne ou --colonnes.
  Le poste est un code du catalogue REMB (soins.generaliste.optam…), ou une valeur que le
  fichier --colonnes traduit en code.

Options :
  --grille FICHIER     grille de garanties (CSV, XLSX ou JSON, comme pour remb verifier)
  --niveau NIVEAU      niveau de la grille à appliquer (nom ou rang : « Niveau 2 », 2)
  --sortie FICHIER     écrit chaque ligne avec remb_ro, remb_rc, remb_rac et remb_rejet
                       (.csv, ou .parquet)
  --colonne CHAMP=NOM  la colonne NOM tient le champ CHAMP (répétable)
  --colonnes FICHIER   correspondance des colonnes et des postes (JSON ou CSV)
  --plafonds           ajoute remb_garantie et remb_plafond (le plafond légal qui a joué)
  --rejets FICHIER     toutes les lignes rejetées (numéro, motif, frais) en CSV
  --json               le résumé en JSON sur la sortie standard
  --responsable        contrat responsable (par défaut : ce que dit la grille, sinon oui)
  --non-responsable    contrat non responsable : les plafonds légaux ne jouent pas
  --date-contrat DATE  date de souscription ou de renouvellement pour toutes les lignes
  --fils N             fils de calcul (par défaut : un par cœur ; 0 : aucun)
  --bloc N             taille des blocs lus, en Mio (défaut 4) : la mémoire en dépend,
                       pas la taille de la table
  --feuille NOM        feuille à lire (XLSX)
  --silencieux         pas de barre de progression

Une ligne illisible ou incalculable ne s'arrête pas là : elle garde sa place dans la sortie
avec son motif (remb_rejet), est comptée à part avec ses frais, et le calcul continue.

Codes de sortie : 0 toutes les lignes calculées ; 1 des lignes rejetées ; 2 ligne de commande,
grille ou table illisible.

Exemples :
  npx remb calculer sinistres.csv --grille grille.csv --niveau "Niveau 2" --sortie resultats.csv
  npx remb calculer sinistres.parquet --grille grille.xlsx --niveau 3 --json > resume.json
`;

export const AIDE_SQL = `remb sql — le calcul des soins d'une grille en une requête SQL standard

Usage :
  remb sql --grille GRILLE --niveau NIVEAU [options] > remb.sql

La requête lit une table de sinistres (date_soins, poste, frais, base, et s'il y a lieu
taux_ro, secteur, retenue, date_contrat) et rend chaque ligne avec remb_ro, remb_rc, remb_rac
et remb_rejet, ainsi que les étapes du calcul en centimes (remb_*_cts). Les paramètres datés
(taux, PF, franchises, PMSS, plafond non-OPTAM) sont dans la requête elle-même.
Elle tourne dans DuckDB, Spark SQL et les entrepôts usuels (voir docs/calcul.md).

Options :
  --table NOM          nom de la table des sinistres dans la requête (défaut : sinistres)
  --vue NOM            écrit CREATE OR REPLACE VIEW NOM AS … au lieu de la requête seule
  --colonne CHAMP=NOM  la colonne NOM tient le champ CHAMP (date, frais, base, poste,
                       taux_ro, secteur, retenue, date_contrat)
  --responsable        contrat responsable (par défaut : ce que dit la grille, sinon oui)
  --non-responsable    contrat non responsable
  --sortie FICHIER     écrit la requête dans FICHIER
  --executer FICHIER   exécute la requête avec DuckDB sur une table CSV ou Parquet et
                       affiche les totaux par poste
  --resultats FICHIER  avec --executer : toutes les lignes dans FICHIER (.parquet ou .csv)
  --feuille NOM        feuille à lire (grille XLSX)

Exemples :
  npx remb sql --grille grille.csv --niveau "Niveau 2" > remb.sql
  npx remb sql --grille grille.csv --niveau 2 --executer sinistres.parquet
`;
