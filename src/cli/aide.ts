/** `remb aide` / `remb --help` (French). The README and docs/cli.md say the same at more length. */

export const AIDE_GENERALE = `remb — outils REMB en ligne de commande

Usage :
  remb verifier <fichiers ou dossiers...> [options]   vérifie des grilles de garanties (contrat responsable)
  remb comparer <grilles...> [options]                compare des niveaux sur des scénarios types, en euros
  remb aide [verifier|comparer]                       cette aide, ou celle d'une commande
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
  0  aucune grille n'a d'erreur (« conforme sous réserve » : des alertes restent à examiner)
  1  au moins une grille a un constat de gravité « erreur »
  2  un fichier est illisible ou n'a pas pu être vérifié, ou la ligne de commande est
     incorrecte (2 l'emporte sur 1) ; les autres fichiers sont tout de même vérifiés

Affichage : en couleur seulement sur un terminal ; NO_COLOR=1 les retire, FORCE_COLOR=1
les impose. REMB_DEBUG=1 affiche la pile des erreurs internes sur la sortie d'erreur.

Exemples :
  npx remb verifier assets/grilles/conforme.csv
  npx remb verifier grilles/ --date 01/01/2026 --gravite erreur
  npx remb verifier grilles/ --json > rapport.json
  npx remb verifier grille.xlsx --lecture --corrections corrections.json
`;
