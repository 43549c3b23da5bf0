/*
 * Ribbon commands. The ribbon's only button opens the task pane (ShowTaskpane in the manifest), which needs no
 * code; this file is the FunctionFile's script, kept so that the shared runtime page initialises Office for
 * future ExecuteFunction commands.
 */
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady();
}
export {};
