/*
 * The task pane's first script. The page also hosts the REMB.* functions (shared runtime) and Excel may load it
 * hidden, only to run them: the pane's code (volet.ts and the rest) is a chunk fetched when the pane is shown, so
 * the functions' thread carries nothing of the pane until the user opens it. Outside Office (a plain browser, the
 * tests) the pane starts in demo mode on an in-memory workbook.
 */
let charge = false;

function charger(dansExcel: boolean): void {
  if (charge) return;
  charge = true;
  import(/* webpackChunkName: "volet" */ "./volet")
    .then((m) => m.demarrer(dansExcel ? "excel" : "demo"))
    .catch((e: unknown) => {
      const el = document.getElementById("contexte");
      if (el)
        el.textContent = `Le volet n'a pas pu se charger (${e instanceof Error ? e.message : String(e)}) : vérifiez l'accès au serveur du complément, puis rouvrez le volet.`;
    });
}

function quandVisible(dansExcel: boolean): void {
  if (document.visibilityState === "visible") charger(dansExcel);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") charger(dansExcel);
  });
  if (dansExcel) {
    try {
      void Office.addin.onVisibilityModeChanged((a) => {
        if (a.visibilityMode === Office.VisibilityMode.taskpane) charger(true);
      });
    } catch {
      // SharedRuntime 1.1 missing: the document's visibility above still starts the pane.
    }
  }
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => quandVisible(info.host === Office.HostType.Excel));
} else {
  quandVisible(false);
}
export {};
