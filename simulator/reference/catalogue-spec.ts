/**
 * The raw material of the product catalogue: categories, suppliers, brands and the items
 * each brand sells in which pack sizes. `generate-reference.ts` expands it into
 * `ref_products.csv`; keeping the spec as data makes the catalogue reviewable by a person.
 * Prices are shelf prices in KWD for the first pack size listed.
 */

export type Unit = 'kg' | 'l' | 'pcs';

export interface CategorySpec {
  id: string;
  nameEn: string;
  nameAr: string;
  isEssential: boolean;
  /** Relative daily demand of the category (units per 1,000 households). */
  demandWeight: number;
  brands: BrandSpec[];
  items: ItemSpec[];
}

export interface BrandSpec {
  nameEn: string;
  nameAr: string;
  /** GS1 prefix of the brand owner's country (627 Kuwait, 628 Saudi Arabia, 629 UAE, …). */
  gs1Prefix: string;
  supplierId: string;
  /** Price relative to the category's reference price. */
  priceFactor: number;
}

export interface ItemSpec {
  nameEn: string;
  nameAr: string;
  price: number;
  shelfLifeDays: number;
  sizes: Array<[size: number, unit: Unit]>;
}

export interface SupplierSpec {
  id: string;
  nameEn: string;
  nameAr: string;
  leadTimeDays: number;
}

export const SUPPLIERS: SupplierSpec[] = [
  { id: 'S01', nameEn: 'Gulf Dairy Distribution Co.', nameAr: 'شركة الخليج لتوزيع الألبان', leadTimeDays: 1 },
  { id: 'S02', nameEn: 'National Bakeries Supply', nameAr: 'الوطنية لتوريد المخابز', leadTimeDays: 1 },
  { id: 'S03', nameEn: 'Kuwait Water Bottling Co.', nameAr: 'الشركة الكويتية لتعبئة المياه', leadTimeDays: 2 },
  { id: 'S04', nameEn: 'Al-Sahel Rice & Grains Trading', nameAr: 'الساحل لتجارة الأرز والحبوب', leadTimeDays: 10 },
  { id: 'S05', nameEn: 'Mills & Flour General Trading', nameAr: 'المطاحن والطحين للتجارة العامة', leadTimeDays: 4 },
  { id: 'S06', nameEn: 'Arabian Edible Oils Co.', nameAr: 'الشركة العربية للزيوت النباتية', leadTimeDays: 7 },
  { id: 'S07', nameEn: 'Al-Wafra Poultry & Eggs', nameAr: 'الوفرة للدواجن والبيض', leadTimeDays: 2 },
  { id: 'S08', nameEn: 'Canned Foods Import Co.', nameAr: 'شركة استيراد المعلبات', leadTimeDays: 9 },
  { id: 'S09', nameEn: 'Mother & Child Nutrition Trading', nameAr: 'الأم والطفل لتجارة التغذية', leadTimeDays: 6 },
  { id: 'S10', nameEn: 'Al-Nakheel Dates Co.', nameAr: 'شركة النخيل للتمور', leadTimeDays: 5 },
  { id: 'S11', nameEn: 'Sugar & Staples Wholesale', nameAr: 'السكر والمواد الأساسية بالجملة', leadTimeDays: 6 },
  { id: 'S12', nameEn: 'Frozen Foods United', nameAr: 'المتحدة للأغذية المجمدة', leadTimeDays: 5 },
  { id: 'S13', nameEn: 'Beverages Distribution Kuwait', nameAr: 'الكويت لتوزيع المشروبات', leadTimeDays: 3 },
  { id: 'S14', nameEn: 'Snacks & Confectionery House', nameAr: 'بيت الوجبات الخفيفة والحلويات', leadTimeDays: 4 },
  { id: 'S15', nameEn: 'Tea & Coffee Traders', nameAr: 'تجار الشاي والقهوة', leadTimeDays: 8 },
  { id: 'S16', nameEn: 'Spices of the East Co.', nameAr: 'شركة بهارات الشرق', leadTimeDays: 7 },
  { id: 'S17', nameEn: 'Fresh Produce Market Co.', nameAr: 'شركة سوق الخضار والفواكه الطازجة', leadTimeDays: 1 },
  { id: 'S18', nameEn: 'Kuwait Livestock Meat Co.', nameAr: 'الكويتية للحوم والمواشي', leadTimeDays: 2 },
  { id: 'S19', nameEn: 'Clean Home Distribution', nameAr: 'البيت النظيف للتوزيع', leadTimeDays: 6 },
  { id: 'S20', nameEn: 'Paper Products Gulf', nameAr: 'الخليج للمنتجات الورقية', leadTimeDays: 5 },
  { id: 'S21', nameEn: 'Personal Care Trading Co.', nameAr: 'شركة العناية الشخصية التجارية', leadTimeDays: 7 },
  { id: 'S22', nameEn: 'Breakfast Foods Import', nameAr: 'استيراد أغذية الإفطار', leadTimeDays: 8 },
  { id: 'S23', nameEn: 'Pasta & Pulses Supply', nameAr: 'توريد المعكرونة والبقوليات', leadTimeDays: 6 },
  { id: 'S24', nameEn: 'Sauces & Condiments Co.', nameAr: 'شركة الصلصات والمطيبات', leadTimeDays: 7 },
];

const b = (nameEn: string, nameAr: string, gs1Prefix: string, supplierId: string, priceFactor = 1): BrandSpec => ({
  nameEn,
  nameAr,
  gs1Prefix,
  supplierId,
  priceFactor,
});
const i = (
  nameEn: string,
  nameAr: string,
  price: number,
  shelfLifeDays: number,
  sizes: Array<[number, Unit]>,
): ItemSpec => ({
  nameEn,
  nameAr,
  price,
  shelfLifeDays,
  sizes,
});

export const CATEGORIES: CategorySpec[] = [
  {
    id: 'WATER',
    nameEn: 'Bottled water',
    nameAr: 'مياه معبأة',
    isEssential: true,
    demandWeight: 9,
    brands: [
      b('Rawdatain', 'الروضتين', '627', 'S03'),
      b('Abraj', 'أبراج', '627', 'S03'),
      b('Aquafina', 'أكوافينا', '627', 'S13', 1.1),
      b('Masafi', 'مسافي', '629', 'S13', 1.15),
      b('Al Ain', 'العين', '629', 'S13', 1.1),
      b('Nestle Pure Life', 'نستله بيور لايف', '628', 'S13', 1.05),
    ],
    items: [
      i('Drinking water', 'مياه شرب', 0.06, 365, [
        [0.33, 'l'],
        [0.5, 'l'],
        [1.5, 'l'],
        [5, 'l'],
      ]),
      i('Drinking water pack of 12', 'مياه شرب عبوة 12', 0.6, 365, [
        [0.33, 'l'],
        [0.5, 'l'],
      ]),
      i('Low sodium water', 'مياه قليلة الصوديوم', 0.08, 365, [
        [0.5, 'l'],
        [1.5, 'l'],
      ]),
      i('Drinking water gallon', 'مياه شرب جالون', 0.9, 180, [[18.9, 'l']]),
    ],
  },
  {
    id: 'RICE',
    nameEn: 'Rice',
    nameAr: 'أرز',
    isEssential: true,
    demandWeight: 4,
    brands: [
      b('Mahmood', 'محمود', '890', 'S04'),
      b('India Gate', 'بوابة الهند', '890', 'S04', 1.1),
      b('Tilda', 'تيلدا', '500', 'S04', 1.25),
      b('Al Walimah', 'الوليمة', '628', 'S04', 0.95),
      b('Abu Kass', 'أبو كاس', '628', 'S04'),
      b('Daawat', 'دعوت', '890', 'S04', 1.05),
      b('Sunwhite', 'صن وايت', '930', 'S04', 1.1),
    ],
    items: [
      i('Basmati rice', 'أرز بسمتي', 1.35, 540, [
        [1, 'kg'],
        [2, 'kg'],
        [5, 'kg'],
        [10, 'kg'],
      ]),
      i('Sella basmati rice', 'أرز بسمتي سيلا', 1.3, 540, [
        [1, 'kg'],
        [5, 'kg'],
        [10, 'kg'],
      ]),
      i('Egyptian rice', 'أرز مصري', 0.75, 540, [
        [1, 'kg'],
        [5, 'kg'],
      ]),
      i('Brown rice', 'أرز بني', 1.2, 365, [[1, 'kg']]),
    ],
  },
  {
    id: 'FLOUR',
    nameEn: 'Flour',
    nameAr: 'طحين',
    isEssential: true,
    demandWeight: 2,
    brands: [
      b('Kuwait Flour Mills', 'مطاحن الكويت', '627', 'S05'),
      b('Al Osra', 'الأسرة', '627', 'S05', 0.9),
      b('Golden Mill', 'المطحنة الذهبية', '629', 'S05', 1.05),
    ],
    items: [
      i('All-purpose flour', 'طحين لجميع الاستعمالات', 0.45, 270, [
        [1, 'kg'],
        [2, 'kg'],
        [5, 'kg'],
        [10, 'kg'],
      ]),
      i('Brown wheat flour', 'طحين أسمر', 0.55, 240, [
        [1, 'kg'],
        [2, 'kg'],
      ]),
      i('Patent flour', 'طحين زيرو', 0.6, 270, [
        [1, 'kg'],
        [5, 'kg'],
      ]),
      i('Self-raising flour', 'طحين ذاتي التخمير', 0.7, 240, [[1, 'kg']]),
      i('Semolina', 'سميد', 0.6, 300, [[1, 'kg']]),
    ],
  },
  {
    id: 'SUGAR',
    nameEn: 'Sugar & salt',
    nameAr: 'سكر وملح',
    isEssential: true,
    demandWeight: 2,
    brands: [
      b('Al Khaleej Sugar', 'سكر الخليج', '629', 'S11'),
      b('Usra', 'أسرة', '628', 'S11', 0.95),
      b('Tate', 'تيت', '500', 'S11', 1.2),
    ],
    items: [
      i('White sugar', 'سكر أبيض', 0.5, 730, [
        [1, 'kg'],
        [2, 'kg'],
        [5, 'kg'],
        [10, 'kg'],
      ]),
      i('Brown sugar', 'سكر بني', 0.8, 730, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
      i('Sugar cubes', 'مكعبات سكر', 0.65, 730, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
      i('Table salt', 'ملح طعام', 0.15, 1095, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
    ],
  },
  {
    id: 'OIL',
    nameEn: 'Cooking oil & ghee',
    nameAr: 'زيوت الطبخ والسمن',
    isEssential: true,
    demandWeight: 2,
    brands: [
      b('Afia', 'عافية', '628', 'S06', 1.1),
      b('Al Arabi', 'العربي', '628', 'S06'),
      b('Noor', 'نور', '629', 'S06', 0.95),
      b('Mazola', 'مازولا', '628', 'S06', 1.15),
      b('Sunny', 'صني', '629', 'S06', 0.9),
    ],
    items: [
      i('Sunflower oil', 'زيت دوار الشمس', 1.2, 540, [
        [1.5, 'l'],
        [1.8, 'l'],
        [2.9, 'l'],
      ]),
      i('Corn oil', 'زيت ذرة', 1.35, 540, [
        [1.5, 'l'],
        [1.8, 'l'],
        [2.9, 'l'],
      ]),
      i('Vegetable oil', 'زيت نباتي', 1.0, 540, [
        [1.5, 'l'],
        [4, 'l'],
      ]),
      i('Canola oil', 'زيت كانولا', 1.4, 540, [[1.5, 'l']]),
      i('Vegetable ghee', 'سمن نباتي', 1.5, 540, [
        [1, 'kg'],
        [2, 'kg'],
      ]),
    ],
  },
  {
    id: 'MILK',
    nameEn: 'Milk',
    nameAr: 'حليب',
    isEssential: true,
    demandWeight: 8,
    brands: [
      b('KDD', 'كي دي دي', '627', 'S01'),
      b('Almarai', 'المراعي', '628', 'S01', 1.05),
      b('Nadec', 'نادك', '628', 'S01'),
      b('Al Rawabi', 'الروابي', '629', 'S01', 0.98),
      b('Nido', 'نيدو', '628', 'S09', 1.3),
      b('Puck', 'بوك', '570', 'S01', 1.2),
      b('Al Safi', 'الصافي', '628', 'S01', 0.97),
    ],
    items: [
      i('Fresh full cream milk', 'حليب طازج كامل الدسم', 0.45, 7, [
        [1, 'l'],
        [2, 'l'],
        [0.25, 'l'],
      ]),
      i('Fresh low fat milk', 'حليب طازج قليل الدسم', 0.45, 7, [
        [1, 'l'],
        [2, 'l'],
      ]),
      i('Long life milk', 'حليب طويل الأجل', 0.4, 180, [
        [1, 'l'],
        [0.2, 'l'],
      ]),
      i('Milk powder', 'حليب بودرة', 2.4, 540, [
        [0.4, 'kg'],
        [0.9, 'kg'],
        [2.5, 'kg'],
      ]),
      i('Evaporated milk', 'حليب مبخر', 0.25, 365, [
        [0.17, 'l'],
        [0.41, 'l'],
      ]),
    ],
  },
  {
    id: 'EGGS',
    nameEn: 'Eggs',
    nameAr: 'بيض',
    isEssential: true,
    demandWeight: 3,
    brands: [
      b('Al Wafra', 'الوفرة', '627', 'S07'),
      b('Kuwait Farms', 'مزارع الكويت', '627', 'S07', 1.05),
      b('Al Watania', 'الوطنية', '628', 'S07', 1.1),
    ],
    items: [
      i('White eggs large', 'بيض أبيض كبير', 1.3, 28, [
        [30, 'pcs'],
        [15, 'pcs'],
        [6, 'pcs'],
      ]),
      i('Brown eggs', 'بيض بني', 1.5, 28, [
        [30, 'pcs'],
        [15, 'pcs'],
      ]),
      i('Organic eggs', 'بيض عضوي', 1.1, 28, [
        [6, 'pcs'],
        [12, 'pcs'],
      ]),
    ],
  },
  {
    id: 'BREAD',
    nameEn: 'Bread & bakery',
    nameAr: 'خبز ومخبوزات',
    isEssential: true,
    demandWeight: 7,
    brands: [
      b('Kuwait Flour Mills Bakery', 'مخابز المطاحن', '627', 'S02'),
      b('Lusine', 'لوزين', '628', 'S02', 1.1),
      b('Al Sabah Bakery', 'مخبز الصباح', '627', 'S02', 0.95),
    ],
    items: [
      i('Arabic bread', 'خبز عربي', 0.15, 3, [
        [6, 'pcs'],
        [10, 'pcs'],
      ]),
      i('White sliced bread', 'خبز أبيض مقطع', 0.35, 5, [[0.6, 'kg']]),
      i('Brown sliced bread', 'خبز أسمر مقطع', 0.4, 5, [[0.6, 'kg']]),
      i('Burger buns', 'خبز برجر', 0.4, 4, [[6, 'pcs']]),
      i('Samoon', 'صمون', 0.25, 3, [[6, 'pcs']]),
      i('Tannour bread', 'خبز تنور', 0.2, 2, [[4, 'pcs']]),
      i('Croissant', 'كرواسون', 0.6, 5, [[6, 'pcs']]),
    ],
  },
  {
    id: 'CANNED',
    nameEn: 'Canned food',
    nameAr: 'معلبات',
    isEssential: true,
    demandWeight: 3,
    brands: [
      b('Americana', 'أمريكانا', '622', 'S08'),
      b('Al Alali', 'العلالي', '628', 'S08'),
      b('California Garden', 'كاليفورنيا جاردن', '629', 'S08', 1.05),
      b('Heinz', 'هاينز', '500', 'S08', 1.2),
      b('Freshly', 'فرشلي', '628', 'S08', 0.95),
      b('Green Giant', 'جرين جاينت', '001', 'S08', 1.15),
    ],
    items: [
      i('Tuna chunks in oil', 'قطع تونة بالزيت', 0.55, 1095, [
        [0.16, 'kg'],
        [0.185, 'kg'],
      ]),
      i('Foul medames', 'فول مدمس', 0.25, 730, [[0.4, 'kg']]),
      i('Chickpeas', 'حمص حب', 0.22, 730, [[0.4, 'kg']]),
      i('Sweet corn', 'ذرة حلوة', 0.35, 730, [[0.34, 'kg']]),
      i('Tomato paste', 'معجون طماطم', 0.2, 730, [
        [0.135, 'kg'],
        [0.4, 'kg'],
      ]),
      i('Baked beans', 'فاصوليا مطبوخة', 0.3, 730, [[0.42, 'kg']]),
      i('Luncheon meat', 'لحم مطبوخ', 0.6, 1095, [[0.34, 'kg']]),
      i('Mushroom pieces', 'قطع فطر', 0.35, 730, [[0.4, 'kg']]),
    ],
  },
  {
    id: 'BABY',
    nameEn: 'Baby formula',
    nameAr: 'حليب الأطفال',
    isEssential: true,
    demandWeight: 0.8,
    brands: [
      b('Nan', 'نان', '761', 'S09', 1.1),
      b('Similac', 'سيميلاك', '800', 'S09', 1.15),
      b('Aptamil', 'أبتاميل', '871', 'S09', 1.2),
      b('Bebelac', 'بيبيلاك', '871', 'S09'),
      b('S-26', 'إس-26', '800', 'S09', 1.1),
    ],
    items: [
      i('Infant formula stage 1', 'حليب رضع مرحلة 1', 4.2, 540, [
        [0.4, 'kg'],
        [0.8, 'kg'],
      ]),
      i('Follow-on formula stage 2', 'حليب أطفال مرحلة 2', 4.0, 540, [
        [0.4, 'kg'],
        [0.8, 'kg'],
      ]),
      i('Growing-up milk stage 3', 'حليب نمو مرحلة 3', 3.8, 540, [
        [0.4, 'kg'],
        [0.8, 'kg'],
      ]),
      i('Baby cereal', 'سيريلاك أطفال', 1.3, 365, [[0.3, 'kg']]),
    ],
  },
  {
    id: 'DATES',
    nameEn: 'Dates',
    nameAr: 'تمور',
    isEssential: true,
    demandWeight: 1.5,
    brands: [
      b('Al Nakheel', 'النخيل', '627', 'S10'),
      b('Bateel', 'بتيل', '628', 'S10', 1.8),
      b('Siafa', 'سيافا', '628', 'S10', 1.1),
      b('Al Barakah', 'البركة', '629', 'S10', 0.9),
    ],
    items: [
      i('Khalas dates', 'تمر خلاص', 1.5, 365, [
        [0.5, 'kg'],
        [1, 'kg'],
        [3, 'kg'],
      ]),
      i('Sukkari dates', 'تمر سكري', 2.0, 365, [
        [0.5, 'kg'],
        [1, 'kg'],
        [3, 'kg'],
      ]),
      i('Ajwa dates', 'تمر عجوة', 3.5, 365, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
      i('Medjool dates', 'تمر مجدول', 3.0, 365, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
      i('Date paste', 'عجينة تمر', 0.6, 365, [[1, 'kg']]),
    ],
  },
  {
    id: 'PULSES',
    nameEn: 'Pulses & lentils',
    nameAr: 'بقوليات وعدس',
    isEssential: true,
    demandWeight: 1.2,
    brands: [
      b('Al Sahel', 'الساحل', '627', 'S23'),
      b('Best', 'بست', '627', 'S23', 0.95),
      b('Sunwhite', 'صن وايت', '930', 'S23', 1.1),
    ],
    items: [
      i('Red lentils', 'عدس أحمر', 0.55, 540, [
        [0.5, 'kg'],
        [1, 'kg'],
        [2, 'kg'],
      ]),
      i('Brown lentils', 'عدس بني', 0.6, 540, [[1, 'kg']]),
      i('Dried chickpeas', 'حمص ناشف', 0.6, 540, [[1, 'kg']]),
      i('White beans', 'فاصوليا بيضاء', 0.65, 540, [[1, 'kg']]),
      i('Split peas', 'بازلاء مجروشة', 0.5, 540, [[1, 'kg']]),
      i('Bulgur', 'برغل', 0.45, 540, [[1, 'kg']]),
      i('Mung beans', 'ماش', 0.7, 540, [[1, 'kg']]),
    ],
  },
  {
    id: 'PASTA',
    nameEn: 'Pasta & noodles',
    nameAr: 'معكرونة وشعيرية',
    isEssential: true,
    demandWeight: 1.5,
    brands: [
      b('Barilla', 'باريلا', '807', 'S23', 1.3),
      b('Al Alali', 'العلالي', '628', 'S23'),
      b('Indomie', 'إندومي', '899', 'S23', 0.9),
      b('Italiano', 'إيطاليانو', '627', 'S23', 0.9),
    ],
    items: [
      i('Spaghetti', 'سباغيتي', 0.35, 720, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
      i('Penne', 'بيني', 0.35, 720, [[0.5, 'kg']]),
      i('Macaroni elbows', 'معكرونة كوع', 0.3, 720, [[0.45, 'kg']]),
      i('Vermicelli', 'شعيرية', 0.2, 720, [[0.45, 'kg']]),
      i('Instant noodles chicken', 'نودلز سريعة بالدجاج', 0.09, 300, [[0.075, 'kg']]),
      i('Instant noodles pack of 5', 'نودلز سريعة عبوة 5', 0.45, 300, [[0.375, 'kg']]),
    ],
  },
  {
    id: 'POULTRY',
    nameEn: 'Frozen poultry',
    nameAr: 'دواجن مجمدة',
    isEssential: true,
    demandWeight: 2,
    brands: [
      b('Sadia', 'ساديا', '789', 'S12'),
      b('Seara', 'سيارا', '789', 'S12', 0.95),
      b('Doux', 'دو', '300', 'S12', 0.9),
      b('Kuwait United Poultry', 'المتحدة للدواجن', '627', 'S07', 1.15),
    ],
    items: [
      i('Whole frozen chicken', 'دجاج كامل مجمد', 1.0, 365, [
        [1, 'kg'],
        [1.2, 'kg'],
      ]),
      i('Chicken breast', 'صدور دجاج', 2.2, 365, [[1, 'kg']]),
      i('Chicken thighs', 'أفخاذ دجاج', 1.6, 365, [[1, 'kg']]),
      i('Chicken wings', 'أجنحة دجاج', 1.4, 365, [[1, 'kg']]),
      i('Chicken franks', 'نقانق دجاج', 0.8, 300, [[0.34, 'kg']]),
    ],
  },
  {
    id: 'TEA',
    nameEn: 'Tea',
    nameAr: 'شاي',
    isEssential: false,
    demandWeight: 1.5,
    brands: [
      b('Lipton', 'ليبتون', '871', 'S15'),
      b('Rabea', 'ربيع', '628', 'S15'),
      b('Ahmad Tea', 'شاي أحمد', '501', 'S15', 1.05),
      b('Alokozay', 'الكوزاي', '629', 'S15', 0.95),
      b('Al Kbous', 'الكبوس', '628', 'S15', 0.95),
      b('Tetley', 'تيتلي', '501', 'S15', 1.05),
    ],
    items: [
      i('Black tea bags', 'شاي أسود أكياس', 1.1, 730, [
        [100, 'pcs'],
        [50, 'pcs'],
        [25, 'pcs'],
      ]),
      i('Loose black tea', 'شاي أسود سائب', 1.6, 730, [
        [0.45, 'kg'],
        [0.9, 'kg'],
      ]),
      i('Green tea bags', 'شاي أخضر أكياس', 0.9, 730, [
        [25, 'pcs'],
        [100, 'pcs'],
      ]),
      i('Karak tea mix', 'خليط شاي كرك', 1.0, 365, [[0.2, 'kg']]),
      i('Chamomile tea', 'شاي بابونج', 0.8, 730, [[20, 'pcs']]),
    ],
  },
  {
    id: 'COFFEE',
    nameEn: 'Coffee',
    nameAr: 'قهوة',
    isEssential: false,
    demandWeight: 1.2,
    brands: [
      b('Al Ameed', 'العميد', '628', 'S15'),
      b('Nescafe', 'نسكافيه', '761', 'S15', 1.1),
      b('Kuwaiti Roastery', 'المحمصة الكويتية', '627', 'S15', 1.05),
      b('Lavazza', 'لافاتزا', '800', 'S15', 1.3),
    ],
    items: [
      i('Arabic coffee with cardamom', 'قهوة عربية بالهيل', 1.8, 365, [
        [0.25, 'kg'],
        [0.5, 'kg'],
      ]),
      i('Instant coffee', 'قهوة سريعة الذوبان', 2.2, 540, [
        [0.1, 'kg'],
        [0.2, 'kg'],
      ]),
      i('Ground coffee', 'قهوة مطحونة', 2.0, 365, [[0.25, 'kg']]),
      i('Coffee 3 in 1 sachets', 'قهوة 3 في 1 أظرف', 1.3, 365, [[30, 'pcs']]),
      i('Coffee beans', 'حبوب قهوة', 3.5, 365, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
    ],
  },
  {
    id: 'DAIRY',
    nameEn: 'Yoghurt, laban & cheese',
    nameAr: 'ألبان وأجبان',
    isEssential: false,
    demandWeight: 5,
    brands: [
      b('KDD', 'كي دي دي', '627', 'S01'),
      b('Almarai', 'المراعي', '628', 'S01', 1.05),
      b('Nadec', 'نادك', '628', 'S01'),
      b('Puck', 'بوك', '570', 'S01', 1.25),
      b('Kiri', 'كيري', '300', 'S01', 1.3),
      b('Al Safi', 'الصافي', '628', 'S01', 0.95),
    ],
    items: [
      i('Laban', 'لبن', 0.35, 10, [
        [1, 'l'],
        [2, 'l'],
        [0.18, 'l'],
      ]),
      i('Full fat yoghurt', 'زبادي كامل الدسم', 0.45, 14, [
        [1, 'kg'],
        [0.17, 'kg'],
      ]),
      i('Low fat yoghurt', 'زبادي قليل الدسم', 0.45, 14, [[1, 'kg']]),
      i('Labneh', 'لبنة', 0.9, 21, [[0.4, 'kg']]),
      i('Cream cheese spread', 'جبنة كريمية قابلة للدهن', 1.2, 180, [
        [0.5, 'kg'],
        [0.24, 'kg'],
      ]),
      i('Processed cheese slices', 'شرائح جبن مطبوخ', 0.9, 180, [[0.2, 'kg']]),
      i('Feta cheese', 'جبنة فيتا', 1.3, 90, [[0.5, 'kg']]),
      i('Cheddar cheese block', 'جبنة شيدر', 1.5, 120, [[0.45, 'kg']]),
      i('Fresh cream', 'قشطة طازجة', 0.5, 14, [[0.2, 'l']]),
      i('Butter', 'زبدة', 1.1, 180, [
        [0.2, 'kg'],
        [0.4, 'kg'],
      ]),
    ],
  },
  {
    id: 'JUICE',
    nameEn: 'Juices',
    nameAr: 'عصائر',
    isEssential: false,
    demandWeight: 4,
    brands: [
      b('Almarai', 'المراعي', '628', 'S01', 1.05),
      b('KDD', 'كي دي دي', '627', 'S01'),
      b('Suntop', 'سن توب', '628', 'S13', 0.9),
      b('Rani', 'راني', '628', 'S13'),
      b('Vimto', 'فيمتو', '500', 'S13', 1.1),
      b('Tang', 'تانج', '762', 'S13', 1.0),
    ],
    items: [
      i('Orange juice', 'عصير برتقال', 0.6, 21, [
        [1, 'l'],
        [1.75, 'l'],
        [0.2, 'l'],
      ]),
      i('Mango juice', 'عصير مانجو', 0.6, 180, [
        [1, 'l'],
        [0.2, 'l'],
      ]),
      i('Apple juice', 'عصير تفاح', 0.6, 180, [
        [1, 'l'],
        [0.2, 'l'],
      ]),
      i('Mixed fruit juice', 'عصير فواكه مشكلة', 0.6, 180, [
        [1, 'l'],
        [0.25, 'l'],
      ]),
      i('Guava nectar', 'رحيق الجوافة', 0.55, 180, [[1, 'l']]),
      i('Fruit cordial', 'شراب فواكه مركز', 1.1, 540, [[0.71, 'l']]),
      i('Powdered drink', 'شراب بودرة', 0.9, 540, [[0.75, 'kg']]),
    ],
  },
  {
    id: 'SOFT',
    nameEn: 'Soft drinks',
    nameAr: 'مشروبات غازية',
    isEssential: false,
    demandWeight: 5,
    brands: [
      b('Pepsi', 'بيبسي', '627', 'S13'),
      b('Coca-Cola', 'كوكا كولا', '627', 'S13'),
      b('7Up', 'سفن أب', '627', 'S13'),
      b('Mirinda', 'ميرندا', '627', 'S13'),
      b('Sprite', 'سبرايت', '627', 'S13'),
      b('Red Bull', 'ريد بُل', '900', 'S13', 3.5),
      b('Mountain Dew', 'ماونتن ديو', '627', 'S13'),
    ],
    items: [
      i('Can', 'علبة', 0.12, 270, [
        [0.33, 'l'],
        [0.25, 'l'],
      ]),
      i('Bottle', 'قنينة', 0.35, 270, [
        [1.25, 'l'],
        [2.25, 'l'],
      ]),
      i('Cans pack of 6', 'علب عبوة 6', 0.7, 270, [[0.33, 'l']]),
      i('Diet can', 'علبة دايت', 0.12, 270, [[0.33, 'l']]),
    ],
  },
  {
    id: 'SNACKS',
    nameEn: 'Chips & snacks',
    nameAr: 'رقائق ووجبات خفيفة',
    isEssential: false,
    demandWeight: 4,
    brands: [
      b("Lay's", 'ليز', '627', 'S14'),
      b('Oman Chips', 'شيبس عمان', '629', 'S14', 0.8),
      b('Pringles', 'برينجلز', '500', 'S14', 1.6),
      b('Doritos', 'دوريتوس', '627', 'S14', 1.1),
      b('Cheetos', 'شيتوس', '627', 'S14'),
      b('Al Rifai', 'الرفاعي', '627', 'S14', 1.5),
    ],
    items: [
      i('Salted chips', 'رقائق مملحة', 0.1, 180, [
        [0.023, 'kg'],
        [0.17, 'kg'],
      ]),
      i('Chilli chips', 'رقائق بالفلفل الحار', 0.1, 180, [
        [0.023, 'kg'],
        [0.17, 'kg'],
      ]),
      i('Cheese puffs', 'منفوش بالجبن', 0.1, 180, [
        [0.025, 'kg'],
        [0.15, 'kg'],
      ]),
      i('Mixed nuts', 'مكسرات مشكلة', 2.0, 270, [
        [0.25, 'kg'],
        [0.5, 'kg'],
      ]),
      i('Roasted pistachio', 'فستق محمص', 2.8, 270, [[0.25, 'kg']]),
      i('Popcorn', 'فشار', 0.3, 270, [[0.09, 'kg']]),
      i('Sunflower seeds', 'بذور دوار الشمس', 0.5, 270, [[0.2, 'kg']]),
    ],
  },
  {
    id: 'SWEETS',
    nameEn: 'Chocolate & sweets',
    nameAr: 'شوكولاتة وحلويات',
    isEssential: false,
    demandWeight: 3,
    brands: [
      b('Galaxy', 'جالكسي', '500', 'S14'),
      b('Kinder', 'كيندر', '800', 'S14', 1.3),
      b('KitKat', 'كيت كات', '629', 'S14'),
      b('Snickers', 'سنيكرز', '500', 'S14'),
      b('Patchi', 'باتشي', '622', 'S14', 3),
      b('Haribo', 'هاريبو', '400', 'S14', 1.1),
    ],
    items: [
      i('Milk chocolate bar', 'لوح شوكولاتة بالحليب', 0.2, 365, [
        [0.04, 'kg'],
        [0.1, 'kg'],
      ]),
      i('Dark chocolate bar', 'لوح شوكولاتة داكنة', 0.25, 365, [[0.1, 'kg']]),
      i('Chocolate box', 'علبة شوكولاتة', 3.0, 365, [
        [0.25, 'kg'],
        [0.5, 'kg'],
      ]),
      i('Gummy candy', 'حلوى جيلي', 0.35, 365, [[0.16, 'kg']]),
      i('Chocolate spread', 'شوكولاتة قابلة للدهن', 1.3, 365, [[0.4, 'kg']]),
      i('Tahini halawa', 'حلاوة طحينية', 0.9, 365, [[0.45, 'kg']]),
    ],
  },
  {
    id: 'BISCUITS',
    nameEn: 'Biscuits',
    nameAr: 'بسكويت',
    isEssential: false,
    demandWeight: 3,
    brands: [
      b('Tiffany', 'تيفاني', '629', 'S14'),
      b('Loacker', 'لواكر', '800', 'S14', 1.4),
      b('Oreo', 'أوريو', '622', 'S14', 1.1),
      b('Britannia', 'بريتانيا', '890', 'S14', 0.85),
      b('Lotus', 'لوتس', '541', 'S14', 1.2),
    ],
    items: [
      i('Tea biscuits', 'بسكويت شاي', 0.25, 300, [
        [0.1, 'kg'],
        [0.3, 'kg'],
      ]),
      i('Cream biscuits', 'بسكويت بالكريمة', 0.3, 300, [[0.15, 'kg']]),
      i('Digestive biscuits', 'بسكويت دايجستف', 0.5, 300, [[0.4, 'kg']]),
      i('Wafers', 'ويفر', 0.45, 300, [[0.175, 'kg']]),
      i('Cookies', 'كوكيز', 0.6, 240, [[0.2, 'kg']]),
      i('Maamoul', 'معمول', 1.5, 180, [[0.5, 'kg']]),
    ],
  },
  {
    id: 'CEREAL',
    nameEn: 'Breakfast cereals',
    nameAr: 'حبوب الإفطار',
    isEssential: false,
    demandWeight: 1,
    brands: [
      b("Kellogg's", 'كيلوجز', '500', 'S22', 1.1),
      b('Nestle', 'نستله', '761', 'S22'),
      b('Quaker', 'كويكر', '501', 'S22', 0.9),
    ],
    items: [
      i('Corn flakes', 'رقائق الذرة', 1.1, 365, [
        [0.375, 'kg'],
        [0.75, 'kg'],
      ]),
      i('Chocolate cereal', 'حبوب بالشوكولاتة', 1.3, 365, [[0.375, 'kg']]),
      i('Oats', 'شوفان', 1.0, 365, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
      i('Muesli', 'موسلي', 1.6, 365, [[0.5, 'kg']]),
      i('Honey cereal', 'حبوب بالعسل', 1.3, 365, [[0.375, 'kg']]),
    ],
  },
  {
    id: 'SPICES',
    nameEn: 'Spices',
    nameAr: 'بهارات',
    isEssential: false,
    demandWeight: 1.5,
    brands: [
      b('Al Fares', 'الفارس', '627', 'S16'),
      b('Baidar', 'بيدر', '627', 'S16', 0.9),
      b('Shan', 'شان', '896', 'S16', 0.85),
      b('Al Tahhan', 'الطحان', '627', 'S16', 1.05),
    ],
    items: [
      i('Mixed spices', 'بهارات مشكلة', 0.6, 540, [
        [0.1, 'kg'],
        [0.25, 'kg'],
      ]),
      i('Turmeric', 'كركم', 0.45, 540, [[0.1, 'kg']]),
      i('Cumin', 'كمون', 0.55, 540, [[0.1, 'kg']]),
      i('Black pepper', 'فلفل أسود', 0.7, 540, [[0.1, 'kg']]),
      i('Cardamom', 'هيل', 3.5, 540, [
        [0.1, 'kg'],
        [0.25, 'kg'],
      ]),
      i('Saffron', 'زعفران', 3.0, 730, [[0.002, 'kg']]),
      i('Dried lime', 'لومي', 0.6, 540, [[0.2, 'kg']]),
      i('Cinnamon sticks', 'أعواد قرفة', 0.5, 540, [[0.1, 'kg']]),
      i('Biryani masala', 'بهارات برياني', 0.35, 540, [[0.05, 'kg']]),
      i('Chilli powder', 'فلفل أحمر مطحون', 0.45, 540, [[0.1, 'kg']]),
      i('Coriander powder', 'كزبرة مطحونة', 0.4, 540, [[0.1, 'kg']]),
      i('Machboos spices', 'بهارات مكبوس', 0.6, 540, [[0.1, 'kg']]),
    ],
  },
  {
    id: 'SAUCES',
    nameEn: 'Sauces & condiments',
    nameAr: 'صلصات ومطيبات',
    isEssential: false,
    demandWeight: 1.5,
    brands: [
      b('Heinz', 'هاينز', '500', 'S24', 1.15),
      b('Americana', 'أمريكانا', '622', 'S24'),
      b('Al Alali', 'العلالي', '628', 'S24', 0.95),
      b("Hellmann's", 'هيلمانز', '871', 'S24', 1.2),
      b('Maggi', 'ماجي', '761', 'S24'),
    ],
    items: [
      i('Tomato ketchup', 'كاتشب طماطم', 0.55, 365, [
        [0.34, 'kg'],
        [0.8, 'kg'],
      ]),
      i('Mayonnaise', 'مايونيز', 0.8, 270, [
        [0.47, 'kg'],
        [0.94, 'kg'],
      ]),
      i('Hot sauce', 'صلصة حارة', 0.35, 540, [[0.088, 'kg']]),
      i('Chicken stock cubes', 'مكعبات مرق دجاج', 0.4, 540, [[24, 'pcs']]),
      i('Vinegar', 'خل', 0.3, 730, [[0.473, 'l']]),
      i('Tahini', 'طحينة', 0.9, 365, [[0.45, 'kg']]),
      i('Pickles', 'مخللات', 0.6, 540, [[0.65, 'kg']]),
      i('Mustard', 'خردل', 0.45, 365, [[0.225, 'kg']]),
    ],
  },
  {
    id: 'FROZEN',
    nameEn: 'Frozen food',
    nameAr: 'أغذية مجمدة',
    isEssential: false,
    demandWeight: 2,
    brands: [
      b('Americana', 'أمريكانا', '622', 'S12'),
      b('Sadia', 'ساديا', '789', 'S12'),
      b('Al Kabeer', 'الكبير', '629', 'S12', 1.05),
      b('McCain', 'ماكين', '871', 'S12', 1.1),
    ],
    items: [
      i('French fries', 'بطاطس مقلية', 0.9, 540, [
        [1, 'kg'],
        [2.5, 'kg'],
      ]),
      i('Mixed vegetables', 'خضار مشكلة', 0.5, 540, [
        [0.4, 'kg'],
        [1, 'kg'],
      ]),
      i('Green peas', 'بازلاء خضراء', 0.5, 540, [[0.4, 'kg']]),
      i('Okra', 'بامية', 0.6, 540, [[0.4, 'kg']]),
      i('Chicken nuggets', 'ناجتس دجاج', 1.5, 365, [[0.75, 'kg']]),
      i('Beef burger', 'برجر لحم', 1.8, 365, [[0.672, 'kg']]),
      i('Samosa', 'سمبوسة', 1.2, 365, [[0.5, 'kg']]),
      i('Frozen shrimp', 'روبيان مجمد', 3.2, 365, [[1, 'kg']]),
      i('Frozen fish fillet', 'فيليه سمك مجمد', 2.2, 365, [[1, 'kg']]),
      i('Puff pastry', 'عجينة بف باستري', 0.8, 365, [[0.8, 'kg']]),
    ],
  },
  {
    id: 'VEG',
    nameEn: 'Fresh vegetables',
    nameAr: 'خضروات طازجة',
    isEssential: false,
    demandWeight: 6,
    brands: [
      b('Local farms', 'مزارع محلية', '627', 'S17'),
      b('Jordan', 'أردني', '625', 'S17', 1.1),
      b('Iran', 'إيراني', '626', 'S17', 0.9),
    ],
    items: [
      i('Tomatoes', 'طماطم', 0.45, 7, [[1, 'kg']]),
      i('Cucumbers', 'خيار', 0.4, 7, [[1, 'kg']]),
      i('Potatoes', 'بطاطس', 0.3, 30, [
        [1, 'kg'],
        [5, 'kg'],
      ]),
      i('Onions', 'بصل', 0.25, 30, [
        [1, 'kg'],
        [5, 'kg'],
      ]),
      i('Carrots', 'جزر', 0.35, 14, [[1, 'kg']]),
      i('Lettuce', 'خس', 0.25, 5, [[1, 'pcs']]),
      i('Eggplant', 'باذنجان', 0.4, 7, [[1, 'kg']]),
      i('Zucchini', 'كوسا', 0.5, 7, [[1, 'kg']]),
      i('Bell peppers', 'فلفل رومي', 0.8, 10, [[1, 'kg']]),
      i('Garlic', 'ثوم', 0.5, 60, [[0.25, 'kg']]),
      i('Lemons', 'ليمون', 0.6, 21, [[1, 'kg']]),
      i('Parsley bunch', 'ضمة بقدونس', 0.1, 4, [[1, 'pcs']]),
    ],
  },
  {
    id: 'FRUIT',
    nameEn: 'Fresh fruit',
    nameAr: 'فواكه طازجة',
    isEssential: false,
    demandWeight: 5,
    brands: [b('Fresh', 'طازج', '627', 'S17'), b('Imported', 'مستورد', '625', 'S17', 1.2)],
    items: [
      i('Bananas', 'موز', 0.45, 7, [[1, 'kg']]),
      i('Red apples', 'تفاح أحمر', 0.7, 30, [[1, 'kg']]),
      i('Green apples', 'تفاح أخضر', 0.75, 30, [[1, 'kg']]),
      i('Oranges', 'برتقال', 0.5, 21, [
        [1, 'kg'],
        [3, 'kg'],
      ]),
      i('Mandarins', 'يوسفي', 0.7, 21, [[1, 'kg']]),
      i('Grapes', 'عنب', 1.1, 10, [[1, 'kg']]),
      i('Watermelon', 'بطيخ', 0.2, 14, [[1, 'kg']]),
      i('Mangoes', 'مانجو', 1.2, 10, [[1, 'kg']]),
      i('Strawberries', 'فراولة', 0.9, 5, [[0.25, 'kg']]),
      i('Pomegranates', 'رمان', 1.0, 30, [[1, 'kg']]),
      i('Pears', 'كمثرى', 0.8, 21, [[1, 'kg']]),
    ],
  },
  {
    id: 'MEAT',
    nameEn: 'Fresh meat',
    nameAr: 'لحوم طازجة',
    isEssential: false,
    demandWeight: 2,
    brands: [b('Kuwait Livestock', 'المواشي الكويتية', '627', 'S18'), b('Australian', 'أسترالي', '930', 'S18', 0.9)],
    items: [
      i('Lamb cuts', 'قطع لحم غنم', 4.2, 5, [[1, 'kg']]),
      i('Minced beef', 'لحم بقر مفروم', 2.8, 4, [
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
      i('Beef steak', 'ستيك لحم بقر', 4.8, 5, [[1, 'kg']]),
      i('Lamb chops', 'ريش غنم', 5.5, 5, [[1, 'kg']]),
      i('Fresh chicken', 'دجاج طازج', 1.4, 5, [[1, 'kg']]),
      i('Veal cubes', 'مكعبات لحم عجل', 3.9, 5, [[1, 'kg']]),
    ],
  },
  {
    id: 'CLEANING',
    nameEn: 'Household cleaning',
    nameAr: 'منظفات منزلية',
    isEssential: false,
    demandWeight: 2,
    brands: [
      b('Tide', 'تايد', '628', 'S19', 1.1),
      b('Ariel', 'آريال', '628', 'S19', 1.15),
      b('Dettol', 'ديتول', '500', 'S19', 1.2),
      b('Clorox', 'كلوركس', '628', 'S19'),
      b('Fairy', 'فيري', '500', 'S19'),
      b('Pril', 'بريل', '628', 'S19', 0.9),
    ],
    items: [
      i('Laundry powder', 'مسحوق غسيل', 1.5, 1095, [
        [1, 'kg'],
        [3, 'kg'],
        [6, 'kg'],
      ]),
      i('Laundry liquid', 'سائل غسيل', 1.8, 1095, [
        [1, 'l'],
        [3, 'l'],
      ]),
      i('Dishwashing liquid', 'سائل غسيل الصحون', 0.6, 1095, [
        [0.5, 'l'],
        [1, 'l'],
      ]),
      i('Bleach', 'مبيض', 0.45, 720, [
        [1, 'l'],
        [3.78, 'l'],
      ]),
      i('Floor cleaner', 'منظف أرضيات', 0.9, 1095, [
        [1, 'l'],
        [3, 'l'],
      ]),
      i('Antiseptic liquid', 'سائل مطهر', 1.2, 1095, [
        [0.5, 'l'],
        [1, 'l'],
      ]),
      i('Glass cleaner', 'منظف زجاج', 0.6, 1095, [[0.75, 'l']]),
    ],
  },
  {
    id: 'PAPER',
    nameEn: 'Tissue & paper',
    nameAr: 'مناديل وورق',
    isEssential: false,
    demandWeight: 2,
    brands: [
      b('Fine', 'فاين', '622', 'S20'),
      b('Kleenex', 'كلينكس', '503', 'S20', 1.15),
      b('Sanita', 'سانيتا', '628', 'S20', 0.95),
      b('Falcon', 'فالكون', '629', 'S20', 0.9),
    ],
    items: [
      i('Facial tissues', 'مناديل وجه', 0.35, 1825, [
        [200, 'pcs'],
        [1000, 'pcs'],
      ]),
      i('Toilet rolls', 'ورق تواليت', 1.8, 1825, [
        [10, 'pcs'],
        [20, 'pcs'],
      ]),
      i('Kitchen towels', 'مناديل مطبخ', 1.0, 1825, [
        [4, 'pcs'],
        [2, 'pcs'],
      ]),
      i('Aluminium foil', 'ورق ألمنيوم', 0.8, 1825, [[1, 'pcs']]),
      i('Garbage bags', 'أكياس قمامة', 0.9, 1825, [[30, 'pcs']]),
      i('Wet wipes', 'مناديل مبللة', 0.5, 720, [[80, 'pcs']]),
    ],
  },
  {
    id: 'PERSONAL',
    nameEn: 'Personal care',
    nameAr: 'عناية شخصية',
    isEssential: false,
    demandWeight: 1.5,
    brands: [
      b('Dove', 'دوف', '871', 'S21', 1.1),
      b('Lux', 'لوكس', '871', 'S21'),
      b('Head & Shoulders', 'هيد آند شولدرز', '500', 'S21', 1.15),
      b('Colgate', 'كولجيت', '628', 'S21'),
      b('Nivea', 'نيفيا', '400', 'S21', 1.1),
      b('Lifebuoy', 'لايفبوي', '871', 'S21', 0.85),
    ],
    items: [
      i('Bar soap', 'صابون قطعة', 0.25, 1095, [
        [0.125, 'kg'],
        [0.5, 'kg'],
      ]),
      i('Shampoo', 'شامبو', 1.3, 1095, [
        [0.4, 'l'],
        [0.6, 'l'],
      ]),
      i('Shower gel', 'جل استحمام', 1.2, 1095, [[0.5, 'l']]),
      i('Toothpaste', 'معجون أسنان', 0.6, 730, [[0.1, 'kg']]),
      i('Hand wash', 'غسول يدين', 0.7, 1095, [[0.5, 'l']]),
      i('Deodorant', 'مزيل عرق', 1.1, 1095, [[0.15, 'l']]),
      i('Body lotion', 'لوشن الجسم', 1.5, 1095, [[0.4, 'l']]),
    ],
  },
  {
    id: 'DIAPERS',
    nameEn: 'Baby diapers',
    nameAr: 'حفاضات الأطفال',
    isEssential: false,
    demandWeight: 0.8,
    brands: [
      b('Pampers', 'بامبرز', '400', 'S21', 1.1),
      b('Huggies', 'هجيز', '501', 'S21'),
      b('Molfix', 'مولفيكس', '869', 'S21', 0.8),
      b('BabyJoy', 'بيبي جوي', '622', 'S21', 0.75),
    ],
    items: [
      i('Diapers newborn', 'حفاضات حديثي الولادة', 3.5, 1825, [
        [44, 'pcs'],
        [88, 'pcs'],
      ]),
      i('Diapers size 3', 'حفاضات مقاس 3', 4.2, 1825, [
        [60, 'pcs'],
        [120, 'pcs'],
      ]),
      i('Diapers size 4', 'حفاضات مقاس 4', 4.5, 1825, [
        [52, 'pcs'],
        [104, 'pcs'],
      ]),
      i('Diapers size 5', 'حفاضات مقاس 5', 4.8, 1825, [
        [44, 'pcs'],
        [88, 'pcs'],
      ]),
      i('Baby wipes', 'مناديل أطفال مبللة', 0.6, 720, [[64, 'pcs']]),
    ],
  },
  {
    id: 'HONEY',
    nameEn: 'Honey & jam',
    nameAr: 'عسل ومربى',
    isEssential: false,
    demandWeight: 0.8,
    brands: [
      b('Al Shifa', 'الشفاء', '628', 'S22', 1.2),
      b('Langnese', 'لانجنيس', '400', 'S22', 1.1),
      b('Al Alali', 'العلالي', '628', 'S22'),
      b('Hero', 'هيرو', '761', 'S22', 1.05),
    ],
    items: [
      i('Natural honey', 'عسل طبيعي', 2.5, 730, [
        [0.25, 'kg'],
        [0.5, 'kg'],
        [1, 'kg'],
      ]),
      i('Strawberry jam', 'مربى فراولة', 0.7, 540, [[0.4, 'kg']]),
      i('Apricot jam', 'مربى مشمش', 0.7, 540, [[0.4, 'kg']]),
      i('Fig jam', 'مربى تين', 0.8, 540, [[0.4, 'kg']]),
      i('Orange marmalade', 'مربى برتقال', 0.75, 540, [[0.4, 'kg']]),
    ],
  },
];
