// Code a frontend writes against the generated types; tsc must accept it (strict).
import type { ListPageQuery, QuestionPageQuery } from './generated/url/graphql';
import type { QuestionPageQuery as FromFile } from './generated/file/graphql';
import { QuestionPageDocument } from './generated/url/graphql';

export function title(page: QuestionPageQuery): string | undefined {
  return page.question?.title;
}

export function askedOn(page: QuestionPageQuery): string | undefined {
  return page.question?.askedOn; // Date, mapped to string
}

export function doctors(page: QuestionPageQuery): string[] {
  return page.question?.replies.map(r => r.doctor.name) ?? [];
}

export function slugs(list: ListPageQuery): string[] {
  return list.questions.edges.map(e => e.node.slug);
}

export const sameTypes = (page: QuestionPageQuery): FromFile => page;

export const documentName: string | undefined = QuestionPageDocument.definitions[0]?.kind;
