// The one error a file read ends in on the content side; its code says why, for the banner.
/** Why a file was not read: an ExtractErrorCode, 'timeout' when the reader was stopped, or 'restarted'. */
export class ReadFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadFailure';
  }
}
