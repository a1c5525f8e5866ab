import request from 'supertest';
import { Server } from 'node:http';
import { TestApp } from './test-app';

/** A browser over plain HTTP: its cookie jar, and the anti-forgery token its pages' forms carry. */
export interface ConsoleSession {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
}

/** The anti-forgery token in a page's forms. */
export function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)![1];
}

/** Signs in through the console's sign-in form with a demo log-in (password demo-password). */
export async function signedIn(t: TestApp, email: string): Promise<ConsoleSession> {
  const agent = request.agent(t.app.getHttpServer() as Server);
  const login = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfOf(login.text), email, password: 'demo-password' })
    .expect(303);
  const desk = await agent.get('/desk').expect(200);
  return { agent, csrf: csrfOf(desk.text) };
}
