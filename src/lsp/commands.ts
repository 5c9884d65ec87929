/**
 * @fileoverview Quick fixes for clients without `codeActionLiteralSupport`. LSP 3.17 lets a server
 * answer CodeAction literals (and advertise CodeActionOptions) only to a client that declares that
 * capability; any other client reads the answer as Command[]. Such a client gets each fix as the
 * command `xmcfg.applyEdit`, which names the document version it was worked out for: when the
 * client runs it, the server asks the client to apply the edit (`workspace/applyEdit`), or answers
 * ContentModified when the document has changed since, instead of editing the wrong text.
 */
import { ExecuteCommandRequest, LSPErrorCodes, ResponseError, type CodeAction, type Command, type Connection, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { refusal } from './params.js';

/** The command that applies one quick fix's edit. */
export const APPLY_EDIT_COMMAND = 'xmcfg.applyEdit';

/** What an APPLY_EDIT_COMMAND carries: the fix's title, its document and version, its edit. */
interface ApplyEditArgs {
  title: string;
  uri: string;
  version: number;
  edit: WorkspaceEdit;
}

/** Code actions as the commands a client without codeActionLiteralSupport reads (actions without an edit are left out). */
export function asCommands(actions: readonly CodeAction[], doc: TextDocument): Command[] {
  const out: Command[] = [];
  for (const a of actions) {
    if (!a.edit) continue;
    const args: ApplyEditArgs = { title: a.title, uri: doc.uri, version: doc.version, edit: a.edit };
    out.push({ title: a.title, command: APPLY_EDIT_COMMAND, arguments: [args] });
  }
  return out;
}

/** True for the arguments of an APPLY_EDIT_COMMAND as asCommands writes them. */
function isApplyEditArgs(v: unknown): v is ApplyEditArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return typeof a.title === 'string' && typeof a.uri === 'string' && Number.isInteger(a.version) && typeof a.edit === 'object' && a.edit !== null;
}

/** Serve `workspace/executeCommand` for APPLY_EDIT_COMMAND on `connection`; `current` is the open document of a URI. */
export function serveEditCommand(connection: Connection, current: (uri: string) => TextDocument | undefined, isShutDown: () => boolean): void {
  connection.onRequest(ExecuteCommandRequest.type, async (p, token) => {
    const args: unknown = (p as { arguments?: unknown } | null)?.arguments;
    const valid = (p as { command?: unknown } | null)?.command === APPLY_EDIT_COMMAND && Array.isArray(args) && args.length === 1 && isApplyEditArgs(args[0]);
    const no = refusal(isShutDown(), valid, token);
    if (no) return no;
    const { title, uri, version, edit } = (args as ApplyEditArgs[])[0]!;
    if (current(uri)?.version !== version) return new ResponseError(LSPErrorCodes.ContentModified, `the document changed since "${title}" was offered`);
    try {
      const r = await connection.workspace.applyEdit({ label: title, edit });
      if (!r.applied) return new ResponseError(LSPErrorCodes.RequestFailed, `"${title}" was not applied${r.failureReason ? `: ${r.failureReason}` : ''}`);
      return null;
    } catch (e) {
      return new ResponseError(LSPErrorCodes.RequestFailed, `"${title}" could not be applied: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
