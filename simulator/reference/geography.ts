/**
 * Kuwait's six governorates and the co-operative societies that serve their residential
 * areas. Names are public facts; ids are ours and stable (the order below fixes them, so
 * append new co-ops at the end of a governorate's list only with a new id range in mind).
 */

export interface GovernorateSpec {
  id: string;
  code: string;
  nameEn: string;
  nameAr: string;
}

/** One co-op, named after the area(s) it serves; its head office is in the first area. */
export interface CoopSpec {
  governorateId: string;
  nameEn: string;
  nameAr: string;
  /** The area where the co-op's main market stands. */
  areaEn: string;
  areaAr: string;
  /** Extra residential areas served by the same co-op (shareholders there register with it). */
  alsoServes?: Array<[en: string, ar: string]>;
  /** How many branch markets besides the main market. */
  branches: number;
}

export const GOVERNORATES: GovernorateSpec[] = [
  { id: 'KW-KU', code: 'KU', nameEn: 'Capital', nameAr: 'العاصمة' },
  { id: 'KW-HA', code: 'HA', nameEn: 'Hawalli', nameAr: 'حولي' },
  { id: 'KW-FA', code: 'FA', nameEn: 'Farwaniya', nameAr: 'الفروانية' },
  { id: 'KW-MU', code: 'MU', nameEn: 'Mubarak Al-Kabeer', nameAr: 'مبارك الكبير' },
  { id: 'KW-AH', code: 'AH', nameEn: 'Ahmadi', nameAr: 'الأحمدي' },
  { id: 'KW-JA', code: 'JA', nameEn: 'Jahra', nameAr: 'الجهراء' },
];

const c = (
  governorateId: string,
  nameEn: string,
  nameAr: string,
  areaEn: string,
  areaAr: string,
  branches: number,
  alsoServes?: Array<[string, string]>,
): CoopSpec => ({ governorateId, nameEn, nameAr, areaEn, areaAr, branches, alsoServes });

export const COOPS: CoopSpec[] = [
  // Capital
  c('KW-KU', 'Rawda & Hawalli Co-op', 'جمعية الروضة وحولي التعاونية', 'Rawda', 'الروضة', 3),
  c('KW-KU', 'Keifan Co-op', 'جمعية كيفان التعاونية', 'Keifan', 'كيفان', 3),
  c('KW-KU', 'Shamiya & Shuwaikh Co-op', 'جمعية الشامية والشويخ التعاونية', 'Shamiya', 'الشامية', 2, [
    ['Shuwaikh Residential', 'الشويخ السكنية'],
  ]),
  c('KW-KU', 'Surra Co-op', 'جمعية السرة التعاونية', 'Surra', 'السرة', 3),
  c('KW-KU', 'Qurtuba Co-op', 'جمعية قرطبة التعاونية', 'Qurtuba', 'قرطبة', 2),
  c('KW-KU', 'Adailiya Co-op', 'جمعية العديلية التعاونية', 'Adailiya', 'العديلية', 2),
  c('KW-KU', 'Khaldiya Co-op', 'جمعية الخالدية التعاونية', 'Khaldiya', 'الخالدية', 2),
  c('KW-KU', 'Qadsiya Co-op', 'جمعية القادسية التعاونية', 'Qadsiya', 'القادسية', 2),
  c('KW-KU', 'Dasma & Bneid Al-Qar Co-op', 'جمعية الدسمة وبنيد القار التعاونية', 'Dasma', 'الدسمة', 2, [
    ['Bneid Al-Qar', 'بنيد القار'],
  ]),
  c('KW-KU', 'Daiya Co-op', 'جمعية الدعية التعاونية', 'Daiya', 'الدعية', 1),
  c('KW-KU', 'Faiha Co-op', 'جمعية الفيحاء التعاونية', 'Faiha', 'الفيحاء', 2),
  c('KW-KU', 'Nuzha Co-op', 'جمعية النزهة التعاونية', 'Nuzha', 'النزهة', 1),
  c('KW-KU', 'Mansouriya Co-op', 'جمعية المنصورية التعاونية', 'Mansouriya', 'المنصورية', 1),
  c(
    'KW-KU',
    'Abdullah Al-Salem Co-op',
    'جمعية ضاحية عبدالله السالم التعاونية',
    'Abdullah Al-Salem',
    'ضاحية عبدالله السالم',
    2,
  ),
  c('KW-KU', 'Yarmouk Co-op', 'جمعية اليرموك التعاونية', 'Yarmouk', 'اليرموك', 2),
  c('KW-KU', 'Granada Co-op', 'جمعية غرناطة التعاونية', 'Granada', 'غرناطة', 1),
  c('KW-KU', 'Sulaibikhat & Doha Co-op', 'جمعية الصليبيخات والدوحة التعاونية', 'Sulaibikhat', 'الصليبيخات', 2, [
    ['Doha', 'الدوحة'],
  ]),
  c('KW-KU', 'Qairawan Co-op', 'جمعية القيروان التعاونية', 'Qairawan', 'القيروان', 1),
  // Hawalli
  c('KW-HA', 'Salwa Co-op', 'جمعية سلوى التعاونية', 'Salwa', 'سلوى', 4),
  c('KW-HA', 'Rumaithiya Co-op', 'جمعية الرميثية التعاونية', 'Rumaithiya', 'الرميثية', 4),
  c('KW-HA', 'Jabriya Co-op', 'جمعية الجابرية التعاونية', 'Jabriya', 'الجابرية', 4),
  c('KW-HA', 'Mishref Co-op', 'جمعية مشرف التعاونية', 'Mishref', 'مشرف', 3),
  c('KW-HA', 'Bayan Co-op', 'جمعية بيان التعاونية', 'Bayan', 'بيان', 3),
  c('KW-HA', 'Salmiya Co-op', 'جمعية السالمية التعاونية', 'Salmiya', 'السالمية', 4),
  c(
    'KW-HA',
    'Mubarak Al-Abdullah Co-op',
    'جمعية مبارك العبدالله التعاونية',
    'Mubarak Al-Abdullah',
    'مبارك العبدالله',
    1,
  ),
  c('KW-HA', 'Zahra Co-op', 'جمعية الزهراء التعاونية', 'Zahra', 'الزهراء', 2),
  c('KW-HA', 'Shuhada Co-op', 'جمعية الشهداء التعاونية', 'Shuhada', 'الشهداء', 1),
  c('KW-HA', 'Hittin Co-op', 'جمعية حطين التعاونية', 'Hittin', 'حطين', 1),
  c('KW-HA', 'Salam Co-op', 'جمعية السلام التعاونية', 'Salam', 'السلام', 1),
  c('KW-HA', 'Siddiq Co-op', 'جمعية الصديق التعاونية', 'Siddiq', 'الصديق', 1),
  c('KW-HA', 'Shaab Co-op', 'جمعية الشعب التعاونية', 'Shaab', 'الشعب', 1),
  // Farwaniya
  c('KW-FA', 'Farwaniya Co-op', 'جمعية الفروانية التعاونية', 'Farwaniya', 'الفروانية', 3),
  c('KW-FA', 'Khaitan Co-op', 'جمعية خيطان التعاونية', 'Khaitan', 'خيطان', 3),
  c('KW-FA', 'Andalus Co-op', 'جمعية الأندلس التعاونية', 'Andalus', 'الأندلس', 2),
  c('KW-FA', 'Ardiya Co-op', 'جمعية العارضية التعاونية', 'Ardiya', 'العارضية', 3),
  c('KW-FA', 'Omariya & Rabiya Co-op', 'جمعية العمرية والرابية التعاونية', 'Omariya', 'العمرية', 2, [
    ['Rabiya', 'الرابية'],
  ]),
  c('KW-FA', 'Ishbiliya Co-op', 'جمعية إشبيلية التعاونية', 'Ishbiliya', 'إشبيلية', 2),
  c('KW-FA', 'Jleeb Al-Shuyoukh Co-op', 'جمعية جليب الشيوخ التعاونية', 'Jleeb Al-Shuyoukh', 'جليب الشيوخ', 3),
  c('KW-FA', 'Rehab Co-op', 'جمعية الرحاب التعاونية', 'Rehab', 'الرحاب', 1),
  c('KW-FA', 'Riggae Co-op', 'جمعية الرقعي التعاونية', 'Riggae', 'الرقعي', 1),
  c('KW-FA', 'Firdous Co-op', 'جمعية الفردوس التعاونية', 'Firdous', 'الفردوس', 2),
  c(
    'KW-FA',
    'Abdullah Al-Mubarak Co-op',
    'جمعية عبدالله المبارك التعاونية',
    'Abdullah Al-Mubarak',
    'عبدالله المبارك',
    2,
  ),
  c('KW-FA', 'Sabah Al-Nasser Co-op', 'جمعية صباح الناصر التعاونية', 'Sabah Al-Nasser', 'صباح الناصر', 2),
  // Mubarak Al-Kabeer
  c('KW-MU', 'Sabah Al-Salem Co-op', 'جمعية صباح السالم التعاونية', 'Sabah Al-Salem', 'صباح السالم', 4),
  c('KW-MU', 'Qurain Co-op', 'جمعية القرين التعاونية', 'Qurain', 'القرين', 2),
  c('KW-MU', 'Adan & Qusour Co-op', 'جمعية العدان والقصور التعاونية', 'Adan', 'العدان', 3, [['Qusour', 'القصور']]),
  c('KW-MU', 'Mubarak Al-Kabeer Co-op', 'جمعية مبارك الكبير التعاونية', 'Mubarak Al-Kabeer', 'مبارك الكبير', 2),
  c('KW-MU', 'Messila Co-op', 'جمعية المسيلة التعاونية', 'Messila', 'المسيلة', 1),
  c('KW-MU', 'Abu Fatira Co-op', 'جمعية أبو فطيرة التعاونية', 'Abu Fatira', 'أبو فطيرة', 1),
  c('KW-MU', 'Fnaitees Co-op', 'جمعية الفنيطيس التعاونية', 'Fnaitees', 'الفنيطيس', 1),
  c('KW-MU', 'Masayel Co-op', 'جمعية المسايل التعاونية', 'Masayel', 'المسايل', 1),
  // Ahmadi
  c('KW-AH', 'Fintas Co-op', 'جمعية الفنطاس التعاونية', 'Fintas', 'الفنطاس', 2),
  c('KW-AH', 'Fahaheel Co-op', 'جمعية الفحيحيل التعاونية', 'Fahaheel', 'الفحيحيل', 3),
  c('KW-AH', 'Mangaf Co-op', 'جمعية المنقف التعاونية', 'Mangaf', 'المنقف', 2),
  c('KW-AH', 'Egaila Co-op', 'جمعية العقيلة التعاونية', 'Egaila', 'العقيلة', 2),
  c('KW-AH', 'Sabahiya Co-op', 'جمعية الصباحية التعاونية', 'Sabahiya', 'الصباحية', 3),
  c('KW-AH', 'Riqqa Co-op', 'جمعية الرقة التعاونية', 'Riqqa', 'الرقة', 2),
  c('KW-AH', 'Hadiya Co-op', 'جمعية هدية التعاونية', 'Hadiya', 'هدية', 2),
  c('KW-AH', 'Ahmadi Co-op', 'جمعية الأحمدي التعاونية', 'Ahmadi', 'الأحمدي', 2),
  c('KW-AH', 'Abu Halifa Co-op', 'جمعية أبو حليفة التعاونية', 'Abu Halifa', 'أبو حليفة', 2),
  c('KW-AH', 'Dhaher Co-op', 'جمعية الظهر التعاونية', 'Dhaher', 'الظهر', 1),
  c('KW-AH', 'Sabah Al-Ahmad Co-op', 'جمعية صباح الأحمد التعاونية', 'Sabah Al-Ahmad', 'مدينة صباح الأحمد', 2),
  c('KW-AH', 'Jaber Al-Ali Co-op', 'جمعية جابر العلي التعاونية', 'Jaber Al-Ali', 'جابر العلي', 2),
  c('KW-AH', 'Mahboula Co-op', 'جمعية المهبولة التعاونية', 'Mahboula', 'المهبولة', 2),
  c('KW-AH', 'Fahad Al-Ahmad Co-op', 'جمعية فهد الأحمد التعاونية', 'Fahad Al-Ahmad', 'فهد الأحمد', 1),
  c('KW-AH', 'Ali Sabah Al-Salem Co-op', 'جمعية علي صباح السالم التعاونية', 'Ali Sabah Al-Salem', 'علي صباح السالم', 2),
  // Jahra
  c('KW-JA', 'Jahra Co-op', 'جمعية الجهراء التعاونية', 'Jahra', 'الجهراء', 4),
  c('KW-JA', 'Qasr Co-op', 'جمعية القصر التعاونية', 'Qasr', 'القصر', 2),
  c('KW-JA', 'Naeem Co-op', 'جمعية النعيم التعاونية', 'Naeem', 'النعيم', 2),
  c('KW-JA', 'Oyoun Co-op', 'جمعية العيون التعاونية', 'Oyoun', 'العيون', 2),
  c('KW-JA', 'Saad Al-Abdullah Co-op', 'جمعية سعد العبدالله التعاونية', 'Saad Al-Abdullah', 'مدينة سعد العبدالله', 3),
  c('KW-JA', 'Waha Co-op', 'جمعية الواحة التعاونية', 'Waha', 'الواحة', 1),
  c('KW-JA', 'Taima Co-op', 'جمعية تيماء التعاونية', 'Taima', 'تيماء', 2),
  c('KW-JA', 'Sulaibiya Co-op', 'جمعية الصليبية التعاونية', 'Sulaibiya', 'الصليبية', 2),
  c('KW-JA', 'Jaber Al-Ahmad Co-op', 'جمعية مدينة جابر الأحمد التعاونية', 'Jaber Al-Ahmad', 'مدينة جابر الأحمد', 1),
];
