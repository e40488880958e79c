/* eslint-disable no-control-regex -- matching control characters and sequences is the point of this file */
/**
 * Escape sequences a terminal acts on: CSI (`ESC [` … final byte, colours,
 * cursor moves), OSC (`ESC ]` … BEL or `ESC \`, titles and hyperlinks),
 * other `ESC` + one character, and the 8-bit CSI/OSC introducers.
 */
const SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007]*\u0007?/g;
/** What is left to neutralise: C0 controls but tab and line feed, DEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text made safe to print to a terminal: escape sequences are removed and
 * any other control character (a carriage return that would overwrite the
 * line, a bell, a backspace) becomes U+FFFD, so corpus text can neither
 * restyle, retitle or clear the terminal nor hide what it says.
 */
export function terminalSafe(text: string): string {
  return text.replace(SEQUENCE, '').replace(/\r\n/g, '\n').replace(CONTROL, '\ufffd');
}
