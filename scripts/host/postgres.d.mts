export interface TestPostgres {
  /** `postgres://sourcebook@127.0.0.1:PORT/sourcebook`, without the password. */
  readonly url: string;
  readonly password: string;
  readonly port: number;
  /** Stops the server and removes its folder. */
  stop(): void;
}
export declare const TEST_USER: string;
export declare const TEST_DATABASE: string;
export declare function startPostgres(options?: { durable?: boolean }): Promise<TestPostgres>;
