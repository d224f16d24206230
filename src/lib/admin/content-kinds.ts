import { m } from '$lib/paraglide/messages';

/** The kinds of catalogue records as the back-office's addresses name them (`/admin/contenu/metiers/…`). */
export const KIND_SEGMENTS = {
	metiers: 'career',
	formations: 'training',
	questions: 'question',
	familles: 'family',
	sources: 'source'
} as const;
export type KindSegment = keyof typeof KIND_SEGMENTS;
export type ContentKind = (typeof KIND_SEGMENTS)[KindSegment];

export const segmentOf = (kind: ContentKind): KindSegment =>
	(Object.keys(KIND_SEGMENTS) as KindSegment[]).find((segment) => KIND_SEGMENTS[segment] === kind)!;

export const isKindSegment = (value: string | null): value is KindSegment =>
	value !== null && Object.hasOwn(KIND_SEGMENTS, value);

export function kindLabel(kind: ContentKind): string {
	return {
		career: m.content_kind_careers,
		training: m.content_kind_trainings,
		question: m.content_kind_questions,
		family: m.content_kind_families,
		source: m.content_kind_sources
	}[kind]();
}

/** Who made a version that no editor published: an import of `content/`. */
export function versionSourceLabel(source: 'content' | 'editor' | 'rollback'): string {
	return source === 'content' ? m.content_source_import() : '—';
}
