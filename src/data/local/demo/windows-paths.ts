/**
 * Windows paths the generator writes again and again, spelled once.
 */

/** `C:\Windows\System32`, as image paths in 4688 write it. */
export const sys32 = 'C:\\Windows\\System32';

/** Windows PowerShell 5.1's image path. */
export const powershellImage = `${sys32}\\WindowsPowerShell\\v1.0\\powershell.exe`;
