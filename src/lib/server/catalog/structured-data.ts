import type { CatalogueCareer } from './types';

/**
 * schema.org `Occupation` for a career page, as a JSON-LD script element. `<` is escaped so that no text in
 * the catalogue can close the script element early.
 */
export function occupationJsonLd(career: CatalogueCareer, pageUrl: string): string {
	const { profile } = career;
	const data = {
		'@context': 'https://schema.org',
		'@type': 'Occupation',
		name: career.title,
		url: pageUrl,
		description: career.summary,
		occupationalCategory: { '@type': 'CategoryCode', codeValue: career.onet.code, inCodeSet: 'O*NET-SOC' },
		responsibilities: profile.missions,
		skills: [...profile.technicalSkills, ...profile.softSkills],
		occupationLocation: { '@type': 'Country', name: 'France' },
		estimatedSalary: {
			'@type': 'MonetaryAmountDistribution',
			name: 'base',
			currency: 'EUR',
			duration: 'P1Y',
			percentile10: profile.salary.junior,
			median: profile.salary.confirmed,
			percentile90: profile.salary.expert
		},
		mainEntityOfPage: pageUrl
	};
	return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}
