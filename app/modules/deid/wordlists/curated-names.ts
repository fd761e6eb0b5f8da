/**
 * Given names and surnames in Latin letters for origins that @faker-js/faker has only in their own
 * scripts or not at all (Arabic, South Asian, Filipino, East African, Pacific Islander, Russian
 * everyday forms, Brazilian, Native American, Mexican and Guatemalan indigenous, Afghan, Burmese and
 * Karen, Congolese …). Curated by hand for the identifier detector from general knowledge of common
 * names and their usual English spellings (the spellings seen on US intake forms), not from any
 * evaluation text; Chinese (pinyin) and Korean names are generated from faker's zh_CN/zh_TW/ko
 * locales by scripts/deid-names.ts. See docs/decisions/030-identifier-detector.md.
 *
 * Only words that are not ordinary English or Spanish words are used (the lexicon filters them).
 * Every word that appears in a gold NAME span of the held-out sets (eval/holdout*, including the
 * holdout-3 set written just before these lists, by the same author) was removed mechanically
 * (201 entries, common ones such as "Nguyen" or "Singh" included), so that the held-out scores
 * do not measure the list author's memory of them; the generated and package lists were not
 * filtered that way because they do not depend on the evaluation texts.
 */
export const CURATED_GIVEN_NAMES = `
arabic: Abdullah Abdallah Abdulrahman Abdelrahman Abdulaziz Abdelaziz Abdulkarim Abdelkarim Abdulla Abdel Abdul Ahmed Ahmet Mohammed Mohamed Muhammad
Mohammad Mohamad Mahmoud Mahmood Mahmud Mostafa Moustafa Omar Umar Omer Othman Osman Uthman Ali Hassan Hasan Hussein Hussain Husain Hossein Ibrahim
Ismail Ismael Youssef Yusef Yousif Yehia Zakaria Zakariya Zakariyya Idris Idriss Ilyas Elias Isa Eissa Musa Moussa Haroun Harun Sulaiman
Suleiman Sulayman Khalid Khaled Walid Waleed Majid Majed Hamid Hamed Hamzah Hamad Hammad Rashid Rashed Rasheed Saeed Said Saad Saud Faisal Fahad Fahd
Faris Fares Fadi Fady Fouad Fuad Tariq Tarek Tarik Nabil Nabeel Jamal Jamil Jameel Kareem Rami Ramy Sami Samy Samir Sameer Bilal Anas Anwar Ayman
Ayoub Ayyub Basel Basil Bassam Badr Bakr Ziad Ziyad Zaid Zayd Zayed Amr Amir Ameer Emad Imad Essam Issam Hisham Hesham Hazem Hatem Hakim Haitham Haytham
Jihad Kamal Kamel Kareem Louay Luay Mazen Marwan Munir Mounir Nader Nadir Naji Nasser Nasir Nizar Nour Nur Qasim Qassem Kassem Raed Raid Rafiq Rafik
Riad Riyad Sabri Safwan Salah Saleh Salih Salim Salem Salman Sharif Shareef Taha Talal Tamer Wael Wasim Waseem Yasser Yasir Yaser Younes Younis Yunus Zain
Zein Aysha Ayesha Fatima Fatma Fatemeh Khadija Khadijah Mariam Meryem Zaynab Zeinab Amina Aminah Hafsa Hafsah Asma Asmaa Esma
Rania Rana Reem Rim Ruba Rula Rawan Razan Rasha Randa Dalia Dana Dina Duaa Doaa Eman Iman Imane Hala Hiba Heba Huda Hoda Hanan Hana Hanaa Haifa Jamila
Jameela Jana Jumana Joumana Lama Lamia Lamya Lina Leena Leila Laila Lubna Malak Manal Maha Mai Mayada Maysa Mona Muna Nada Nadia Nadine Nawal
Nisreen Nesreen Nour Noura Nura Rahaf Ranya Rasha Sabah Safa Safaa Sahar Salma Samah Samar Samira Sana Sanaa Sara Sarah Shaima Shaimaa Suha Suad Souad
Tahani Wafa Widad Yasmin Yasmeen Yasmine Yara Zahra Zahraa Zeina Zina Ghada Ghadeer Basma Bushra Abeer Afaf Alaa Asil Aseel Batoul Batool Duha Fadwa
Farah Ghazal Hadeel Hayat Inas Ibtisam Intisar Khawla Kholoud Lujain Marwa Marwah Najwa Najla Raghad Rahma Rehab Ruqayya Ruqaya Sawsan Shahad Siham Wijdan
afghan-persian: Abdul Ahmadullah Ahmadzai Ajmal Aziz Azizullah Baryalai Bashir Fahim Farid Fawad Ghulam Gulbuddin Habib Habibullah Hamidullah Hayatullah
Hekmat Hekmatullah Humayun Ismatullah Jawad Javed Javid Khalil Khan Mahmud Masood Massoud Mirwais Mujtaba Najib Najibullah Naqib Nasrullah Noorullah Obaidullah
Qadir Rahim Rahimullah Rahmatullah Samiullah Sayed Sayyed Shafiq Shahid Shakib Sharif Shoaib Sohail Sulaiman Wahid Yama Zabihullah Zalmai Zia Ziaullah Zabi
Farzana Fereshta Freshta Gulalai Gulnaz Hasina Homa Khatera Laila Lida Mahbooba Marzia Mina Nadia Nahid Najiba Nazanin Parisa Parwana Pashtana
Roya Sadia Shabana Shakila Shamsia Soraya Tahmina Wahida Zarmina Zohra Arash Babak Behnam Behrouz Dariush Farhad Farshid Hamid Kaveh Kourosh
Mehdi Mehran Milad Omid Payam Pedram Reza Saeed Shahin Siamak Vahid Ali-Reza Azadeh Farnaz Golnar Leila Mahnaz Mitra Nasrin Negar Parvin Roxana
Shirin Simin Taraneh Yasaman
south-asian: Aarav Aditya Ajay Akash Amit Anand Anil Ankit Arun Ashok Ashish Deepak Dinesh Ganesh Gaurav Gopal Harish Hemant Jagdish Jayesh Kailash
Kamlesh Karan Kiran Krishna Kumar Lalit Mahesh Manish Manoj Mohan Mukesh Naresh Narendra Naveen Nikhil Nitin Pankaj Pawan Pradeep Prakash Pramod Prasad
Praveen Rahul Raj Rajiv Rakesh Ramesh Ravi Rohan Rohit Sachin Sandeep Sanjay Santosh Satish Saurabh Shankar Shiva Shyam Siddharth Subhash
Sunil Suresh Sushil Tarun Umesh Vijay Vikas Vikram Vinay Vinod Vishal Vivek Yogesh Aarti Aishwarya Anita Anjali Ankita Anu Anuradha Archana Asha Bhavna
Chitra Deepa Deepika Divya Geeta Gita Indira Jyoti Kajal Kamala Kavita Kavya Laxmi Lata Madhu Meena Meera Mina Neha Nirmala Nisha Pooja Puja
Poonam Priyanka Radha Rani Rekha Renu Ritu Sangeeta Sarita Savita Seema Shanti Sheela Shilpa Shobha Shweta Smita Sneha Sonia Sunita Sushma Swati
Usha Vandana Vidya Amrit Amarjit Baldev Balwinder Bhupinder Daljit Gurpreet Gurmeet Gurinder Harbhajan Harjit Harvinder Inderjit Jagjit
Jaswinder Jasbir Jaspreet Kuldeep Kulwant Kulwinder Lakhwinder Manjit Manpreet Navjot Navdeep Paramjit Parminder Rajinder Ranjit Satnam Sukhdev Sukhwinder
Surinder Tejinder Abul Anwar Arif Faruk Habibur Hasina Jahangir Kamrul Mizanur Moinul Nazrul Rafiqul Rezaul Saiful Shafiqul Shahidul Tanvir
Taslima Nasrin Nasreen Rokeya Shirin Sharmin Farzana Fahmida Mousumi Shapla Bishnu Durga Ganga Hari Kamal Krishna Laxman Madan Man Nanda Padam Prem
Purna Santa Shiva Tilak Yam Bhim Chandra Dambar Dhan Gopal Indra Jit Kul Lok Nar Om Puspa Sita Bimala Kamala Manju Pabitra Radhika Sabitra
Sarita Sushila Tulasi Laxmi Dipendra Suman Sagar Samir Sanjeev Anish Bikash Bishal Prabin Pradip Rajan Sujan Sabin Sunil Ashmita Bina Sabina Srijana Sushmita
filipino: Rodel Rolando Romeo Renato Reynaldo Ronaldo Rogelio Ramil Ariel Arnel Arnold Efren Eduardo Ernesto Danilo Dante Domingo Edgardo Elmer
Emmanuel Ferdinand Florencio Gerardo Jun Junjun Jojo Jonjon Bong Bongbong Boyet Dodong Nonoy Totoy Jhun Jomar Jhon Jayson Jaypee Jeric Jerome Joel Jomari
Lito Manny Marlon Noel Nestor Orlando Ramon Randy Reynante Rommel Ruel Virgilio Wilfredo Alma Analyn Angelica Annalyn Arlene Carmelita Corazon Cristina
Evangeline Flordeliza Gemma Girlie Imelda Joy Joylyn Leonora Lorna Lourdes Luzviminda Maricel Maricar Marilou Maritess Marivic Marlyn
Merlie Milagros Nenita Norma Perla Precy Remedios Rosalinda Rosario Rowena Ruby Shiela Teresita Thelma Virginia Wilma Zenaida Baby Bebeng Inday Neneng
east-african: Abebe Abel Abrham Abraham Addis Alem Alemayehu Almaz Amanuel Aster Ayana Bereket Berhane Berhanu Bethlehem Biniam Biniyam Dawit Desta Elsa
Eyerusalem Fasil Fikru Freweini Gebre Genet Girma Haile Hailu Hanna Hiwot Kidist Kidus Lemlem Liya Mahlet Meaza Mebrat Mekdes Mekonnen Meron Meseret
Mesfin Meskerem Mulu Mulugeta Nahom Negash Rahel Ruth Saba Selam Selamawit Semere Senait Seble Sisay Solomon Tadesse Tekle Tesfaye Tewodros
Tsega Tsegaye Tsehay Wubet Yared Yemane Yohannes Yosef Zerihun Zewdu Abdirizak Abdiaziz Abdikadir Ahmed Asad Ayan Ayaan
Barwaqo Bashir Bile Deeqa Faadumo Farhiya Fowsiya Ibado Hamdi Hawa Ikran Khadra Ladan Maryan Mohamud Muna Nimco Qamar Sahra Samira
Shamsa Sucaad Ubah Xamdi Yasmin Zamzam Abdifatah Liban Mahad Mustafe Osman Sharmarke Deqa Hibaaq Kaltun Khadar Nasra Anab Ebyan Filsan
Adoyo Akinyi Atieno Auma Awino Achieng Chege Juma Kamau Kariuki Kimani Kiprono Kipchoge Mwangi Njeri Njoroge Nyokabi Ochieng Odhiambo Omondi Otieno Wairimu
Wambui Wanjiru Wanjiku Jean-Claude Jean-Pierre Jean-Marie Alphonse Amani Aimable Bahati Claudine Consolata Dieudonné Espérance Faustin
Furaha Innocent Jacqueline Josiane Kalume Kabila Kasongo Lumumba Mapendo Mukendi Mutombo Mwamba Neema Riziki Safari Shukuru Tshibangu Umutoni Uwase Zawadi
pacific: Tasi Tavita Siosaia Siaosi Tevita Viliami Lose Losa Mele Ofa Salote Sela Seini Lupe Malia Losana Fetu Iosefa Ioane Sina Leilani
Keoni Kalani Kanoa Kainoa Makana Noelani Pualani Kalea Malakai Mosese Semisi Sefo Tama Talia Toa Kiri Manu Lani Ailani Lagi Fiso Pita Palelei Alofa Niu
Jemi Bwij Jitiam Rinehart Takao Hiroshi Atsuko Sachiko Masako Tokiko Yoshiko Keiko Chieko Kiyoko Mitsuko Akiko Ichiro Kazuo Masao Shigeru
Tadashi Takeshi Tetsuo Yoshio Yukio Noboru Kenta Haruto Sota Yuto Yui Aoi Hina Rin Sakura Hinata Riko Miyu
russian-everyday: Sasha Sashka Shura Dimka Kolya Kolka Misha Mishka Petya Vanya Vova Volodya Seryozha Serezha Lyosha Alyosha Zhenya Tolya Slava
Stas Yura Yurik Vitya Valya Vasya Grisha Gosha Lyonya Borya Fedya Pasha Tanya Natasha Masha Dasha Katya Katyusha Olya Nadya Sveta Lena Lyuda Lyuba Galya
Valya Vera Zina Nina Ira Irochka Anya Nastya Ksyusha Yulya Lida Raya Toma Tamara Svetlana Tatiana Tatyana Galina Nadezhda Natalia
Natalya Olesya Anastasia Ekaterina Yekaterina Evgenia Yevgenia Gennadiy Anatoliy Vitaly Vitaliy Valery Valeriy Vyacheslav Yaroslav
Stanislav Vladislav Vladimir Volodymyr Dmitry Dmytro Sergei Sergey Serhiy Aleksei Alexey Oleksiy Oleksandr Aleksandr Mikhail Mykhailo Nikolai
Pyotr Petro Ivan Ivanna Bohdan Taras Yuri Yuriy Igor Ihor Oleg Oleh Arkady Boris Grigory Hryhoriy Konstantin Kostiantyn Leonid Maksim
Maksym Nikita Pavel Pavlo Roman Ruslan Timur Vadim Vadym Viktor Zakhar Artem Artyom Denis Denys Kirill Kyrylo Matvei Yegor Yehor Arina Alina Polina
Kseniya Kristina Larisa Lilia Lyubov Marina Maryna Nelya Raisa Rimma Snezhana Ulyana Vasilisa Viktoria Viktoriya Yana Zhanna Zoya
brazilian: Tiago Rafael Gabriel Gabriela Lucas Mateus Matheus Gustavo Guilherme Felipe Filipe Bruno Leonardo Rodrigo Fernando Marcelo
Eduardo Vinicius Vinícius Caio Davi Enzo Heitor Arthur Bernardo Miguel Pedro João Joao Joaquim Wellington Washington Wesley Weslley Anderson Cleber
Cleiton Clayton Edson Edmilson Ednaldo Gilberto Gilmar Jair Jailson Josué Leandro Luciano Marcos Márcio Marcio Reinaldo Rivaldo Robson Ronaldo
Sérgio Valdir Valmir Wagner Wanderley Beatriz Bianca Bruna Camila Carolina Fernanda Francisca Giovanna Isabela Júlia Juliana Larissa Letícia
Leticia Luana Manuela Mariana Nathalia Natália Patrícia Priscila Raquel Sabrina Tainá Taís Thaís Vitória Yasmin Aparecida Conceição Graça
Francisca Raimunda Rosângela Rosilene Rosimeire Sueli Terezinha Vanessa Vânia Zilda Joãozinho Zé Tião Chico Rafa Gabi Duda Malu Lulu
native-american: Wenona Wanbli Tatanka Takoda Chaska Chayton Hania Kangee Mato Ohanzee Wahkan Wakinyan Wicasa Ahiga Atsa Bidziil Hastiin Naalnish
Nizhoni Shandiin Yanaba Doli Sahkyo Kiona Aiyana Ayita Catori Chenoa Halona Kaya Kimimela Magaskawee Nita Sakari Tallulah Tayanita Waya Wapi Kele Kohana
mexican-guatemalan-indigenous: Citlali Citlalli Nayeli Yaretzi Ximena Xiomara Quetzalli Tonatiuh Tenoch
Ixchel Yolotl Yoloxóchitl Izel Zyanya Nelli Anayeli Atzin Cualli Tlaloc Moctezuma Nezahualcóyotl Tlacaelel Ehécatl Ikal Kin Balam Kukulkan Nicté Sac
Chilam Yum Ixquic Ixmucané Tzunun Kawok Tz'unun Tecún Aj Ixim Q'anil No'j Imox Iq Ajpu Batz Tijax Kan Kame Kej Toj Tz'i' Ajmaq E Aq'ab'al Petrona
Cirilo Eustaquio Anacleto Eleuterio Epifanio Gumercindo Hermenegildo Nicasio Rufino Saturnino Teodoro Tiburcio
Venancio Zacarías Zeferino Agapito Bonifacio Cayetano Ciriaco Evaristo Higinio Isidro Macario Marcelino Maximino Melquiades Nazario Porfirio Primitivo
Quirino Secundino Silvestre Tranquilino Anastacia Apolonia Asunción Catarina Cristina Domitila Eufemia Eulalia Felícitas Genoveva Herminia
Hilaria Isidra Jacinta Leocadia Macaria Natividad Nicolasa Pascuala Petra Rufina Tomasa Vicenta Zenaida Yeison Dayana Kevin Bayron Elmer
chinese-english: Xiao Ling Wei Jun Hui Yan Ying Hong Ming Jian Jing Li Lei Ping Qing Yu Yun Zhen Xin Hao Kai Tao Fei Jie Ning Xia Feng
Kwok Wing Chun Siu Ka Man Yee Kit Wai Shing Hok Pui Suk Fong Lai Yuen Mei-Ling Mei-Lin Hui-Min Ya-Ting Chia-Hui Yi-Ting Shu-Fen Chun-Hua Wen-Jie
korean-everyday: Jae Jae-won Ji-hoon Ji-ho Ji-woo Ji-yeon Ji-young Ji-eun Ji-min Min-jun Min-ho Min-ji Min-jung Seo-yeon Seo-yun Soo-jin Soo-yeon
Hye-won Hye-rim Hyun-woo Hyun-joo Eun-ji Eun-young Eun-jung Jin-woo Young-ho Young-hee Young-ja Young-soo Sung-min Sang-woo Dong-hyun Kyung-soo
Sun-hee Mi-kyung Mi-young Yeon-woo Ha-eun Ha-yoon Do-yoon Si-woo Joon-ho Jun-seo Woo-jin Seung-hoon Chul-soo Myung-hee Jung-hee Ok-ja Soon-ja Bok-soon
diminutives-spanish: Chuy Chucho Chepe Chema Chencho Chente Chava Chayo Chelo Chela Chabela Chalo Checo Goyo Lalo Lencho Memo Nacho Pancho Paco Pepe
Poncho Quique Tencha Toño Tono Tavo Tito Meche Maru Lupita Lupe Conchi Conchita Charo Chayito Moncho Pichi Yoyo Juanito Panchito Manolo Fito Rulo
diminutives-filipino: Bebot Bembem Dindo Dondon Ging Jingjing Lenlen Nonong Pinky Tess Tessie Weng Jhay Ronron Buboy Ditas
diminutives-east-slavic: Sanya Shurik Kostik Lyoshka Mitya Volodka Zhenka Tolik Slavik Vitalik Yurka Grishka Petka Sashenka Natasha Natasa Nastenka Olenka
Lenochka Tanyusha Galochka Lyusya Lyudochka Nadyusha Svetka Oksanka Marusya Dunya Senya Syoma Fima Venya Tyoma Gena Edik Alik Marik Igoryok Yasha Lyova Lyonya
vietnamese: Huong Hương Linh Mai Nga Ngoc Ngọc Nhung Phuong Phương Thao Thảo Thuy Thủy Trang Trinh Uyen Vy Xuan Yen Anh
Binh Cuong Dung Dat Đức Duong Hai Hieu Hoang Hung Huy Khanh Khang Kiet Long Loc Luan Nam Nghia Nhat Phat Phong Phuc Quan Quang Quoc Sang
Son Tai Tam Thanh Thang Thinh Tien Toan Trung Tuan Tung Viet Vinh Vu
`;

export const CURATED_SURNAMES = `
arabic: Abbas Abboud Abdallah Abdelaziz Abdelrahman Abdo Abdulla Abdullah Aboud Abu Ahmed Al-Ahmad Al-Ali Al-Amin Al-Amiri Al-Ani Al-Asadi
Al-Azzawi Al-Bayati Al-Dulaimi Al-Hashimi Al-Hussein Al-Jaber Al-Jabouri Al-Janabi Al-Khafaji Al-Khalil Al-Khatib Al-Mousawi Al-Najjar Al-Obaidi
Al-Qahtani Al-Rashid Al-Saadi Al-Saleh Al-Sayed Al-Shammari Al-Shamsi Al-Tamimi Al-Zubaidi Alawi Alhassan Ali Amin Ammar Antoun Aoun Asfour Ashour
Atallah Attia Awad Ayoub Azar Aziz Baghdadi Bakri Barakat Bazzi Bishara Boutros Chahine Dabbagh Dagher Daher Darwish Diab Dib Eid Elias Fadel Fakhoury
Farah Farhat Fawaz Fayad Fayed Ghanem Ghazal Habib Hadi Hakim Halabi Hamdan Hammoud Hamdi Hanna Harb Hariri Hassan Hatem Haydar Hijazi Homsi
Hussein Ibrahim Issa Jabbour Jamal Jarrah Kassab Kassem Kassis Khalaf Khalil Khatib Khoury Kouri Mahfouz Mahmoud Makhoul Malouf Mansour
Matar Mikhail Moussa Mrad Nader Nahas Najjar Nasr Nasser Nassar Nazzal Obeid Odeh Omar Osman Qasim Rahal Rashed Rizk Saab Saad Sabbagh Sabra Sadek
Saleh Salem Salameh Samaha Sarkis Sayegh Shaheen Shalhoub Shami Sharif Shehadeh Skaff Sleiman Srour Suleiman Tannous Touma Yacoub Yassin Younes Youssef
Zaher Zaki Zayed Zeidan Zein Zoubi Zaidi Jabouri Dulaimi Obaidi Janabi Tamimi Saadi Mousawi Hashimi Shammari Qahtani Ghamdi Otaibi Harbi Mutairi Dosari
afghan-persian: Ahmadi Ahmadzai Akbari Amiri Azizi Barakzai Durrani Ghani Habibi Hakimi Hashimi Hosseini Jalali Karimi Karzai Mohammadi Nazari Popal
Qaderi Rahimi Rahmani Rezaei Rasuli Sadat Safi Sahak Samadi Sharifi Stanikzai Sultani Tokhi Wardak Yousufzai Yusufzai Zadran Zazai Ziar Mohammadzai Hotak
Ghaznavi Haidari Heravi Jafari Kakar Khalili Mirzai Mohseni Nasiri Rostami Sadeghi Salehi Shinwari Taheri Tajik Zamani Alizada Alizadeh Hosseinzadeh
south-asian: Acharya Adhikari Agarwal Aggarwal Ahuja Arora Bajwa Banerjee Basnet Bhandari Bhatt Bhattarai Bhatia Bose Chakraborty Chatterjee Chaudhary
Chaudhry Chhetri Chopra Das Dasgupta Desai Deshpande Dhakal Dhillon Dutta Gautam Ghimire Ghosh Gill Grewal Gupta Iyer Iyengar Jain Joshi Kapoor
Khadka Khanal Khatri Koirala Krishnan Kulkarni Kumar Lama Limbu Magar Malhotra Menon Mishra Mukherjee Nair Nepal Pandey Pandit Panday Parajuli
Patel Pillai Pokharel Pradhan Rai Rajan Ramachandran Rao Rathore Reddy Regmi Saxena Sen Shah Sherpa Shrestha Sidhu Sinha Subedi Subba
Tamang Thapa Tiwari Trivedi Upadhyay Varma Venkatesh Verma Yadav Chowdhury Hossain Hussain Islam Khan Miah Mia Molla Mondal Sarker Sheikh Uddin
Begum Akter Akhter Khatun Sultana Bhuiyan Talukder Majumder Haque Kabir Alam Latif Quadir Siddique Siddiqui Qureshi Malik Butt Chaudhri Awan
Cheema Mirza Rana Raja Rizvi Naqvi Zaidi Jafri Bukhari Gilani Shah Ansari Farooqui Hashmi Abbasi Durrani Niazi Baig Beg Virk Gill Brar Dhaliwal
Grewal Sekhon Mann Randhawa Bains Johal Kang Atwal Boparai Chahal Dhindsa Gosal Hundal Kahlon Khaira Pannu Sahota Toor Uppal Subramanian
Balasubramanian Natarajan Raghavan Srinivasan Sundaram Swaminathan Gopalakrishnan Ramaswamy Narayanan Chandrasekhar Padmanabhan Ganesan Murugan Selvam
filipino: Buenaventura Cabrera Castillo Concepcion Cruz Dela Cruz Dela Delos Delos Dimaculangan Dimagiba Dizon Domingo
Esguerra Espiritu Fernandez Gatchalian Javier Lacson Lim Lopez Macapagal Magbanua Magsaysay Malabanan Manalo Manalastas Manansala Mangubat Maniego
Marcos Mendoza Navarro Ocampo Pangilinan Panganiban Salazar Santiago Soriano Tolentino Villanueva Yap Zamora Agbayani Aguinaldo
Alcantara Bacani Baltazar Bernardo Calderon Carreon Catacutan Cayabyab Dalisay Datu Dimaano Gonzaga Ilagan Lacsamana Ledesma Limjoco Mabini Macaraeg
Macaraig Madrigal Magno Malonzo Mercado Nepomuceno Pacquiao Quisumbing Sarmiento Sison Tanglao Tiongson Villareal Bagatsing Dumlao Galang Guevarra
east-african: Abebe Abera Asfaw Assefa Ayele Bekele Belay Berhe Desta Gebre Gebreegziabher Gebremariam Gebremedhin Gebremichael Gebreyesus
Gebru Ghebre Ghebremariam Ghebreyesus Girma Habte Haile Hailemariam Hailu Kebede Mehari Mekonnen Mengistu Negash Negussie Tadesse Tekle Teklehaimanot
Tesfamichael Tesfaye Tsegay Tsegaye Wolde Woldemariam Woldegiorgis Yohannes Zewde Adan Aden Ali Farah Hassan Hirsi Hussein Jama
Mohamed Mohamud Muse Nur Omar Osman Samatar Egal Guled Ismail Dualeh Duale Elmi Haji Ibrahim Nuur Kamau Kariuki Kimani Mwangi Njoroge
Ochieng Odhiambo Omondi Otieno Wanjiku Mutombo Kabongo Kasongo Mukendi Ilunga Kalala Lukusa Tshibangu Tshimanga Mutua Ndayisaba Niyonzima Nshimiyimana
Habimana Hakizimana Uwimana Mugisha Nkurunziza Ndikumana Bizimana Irakoze Ntakirutimana Nyirahabimana Mukamana Uwase Manirakiza
pacific: Anjain Abon Bejang Capelle deBrum Kaiko Laelang Lakjohn Langidrik Lokeijak Loeak Matthew Nakamura Note Riklon Zackhras
Aisek Ruben Mori Nakamura Setik Kilafwasru Sigrah Palsis Hadley Etscheit Hartman Ehsa Edwin Fanoga Fanene Faleafa Fuimaono Leota Lealaiauloto
Mauga Salave'a Sapolu Seiuli Sopoaga Suafoa Tuilagi Tuiasosopo Tupua Tuiolosega Vaifale Alapati Faumuina Fifita Fonua Havili Kaufusi Lolohea Mahe Moala
Taufa Tonga Tupou Vainikolo Vake Vea Fusitu'a Kahale Kahananui Kahale Kamakana Kealoha Keawe Kekumu Makoa Nakoa
russian: Ivanov Ivanova Petrov Petrova Sidorov Sidorova Smirnov Smirnova Kuznetsov Kuznetsova Popov Popova Vasiliev Vasilieva Sokolov Mikhailov
Mikhailova Novikov Novikova Fedorov Fedorova Morozov Morozova Volkova Alekseev Alekseeva Lebedev Lebedeva Semenov Semenova Egorov Egorova Pavlov
Pavlova Kozlov Kozlova Stepanov Stepanova Nikolaev Nikolaeva Orlov Orlova Andreev Andreeva Makarov Makarova Nikitin Nikitina Zakharov Zakharova Zaitsev
Zaitseva Solovyov Solovyova Borisov Borisova Yakovlev Yakovleva Grigoriev Grigorieva Romanov Romanova Vorobyov Vorobyova Sergeev Sergeeva Kuzmin Kuzmina
Frolov Frolova Alexandrov Alexandrova Dmitriev Dmitrieva Korolev Koroleva Gusev Guseva Kiselev Kiseleva Ilyin Ilyina Maksimov Maksimova Polyakov Polyakova
Sorokin Vinogradov Vinogradova Kovalev Kovaleva Belov Belova Medvedev Medvedeva Antonov Antonova Tarasov Tarasova Zhukov Zhukova Baranov Baranova
Filippov Filippova Komarov Komarova Davydov Davydova Belyaev Belyaeva Gerasimov Gerasimova Bogdanov Bogdanova Osipov Osipova Sidorenko Kovalenko
Tkachenko Kravchenko Shevchenko Melnyk Boyko Kovalchuk Oliynyk Lysenko Marchenko Moroz Rudenko Savchenko Petrenko Klymenko Pavlenko Levchenko Kharchenko
brazilian: Silva Oliveira Souza Sousa Rodrigues Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira
Barbosa Rocha Dias Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Gonçalves Santana Teixeira Araújo Araujo Cavalcanti Correia
Monteiro Moura Pinto Campos Coelho Azevedo Cunha Batista Brito Duarte Farias Fonseca Leite Lacerda Magalhães Medeiros Mesquita Miranda Nogueira Pacheco
Peixoto Queiroz Rezende Sampaio Siqueira Tavares Vasconcelos Xavier Bezerra Cordeiro Damasceno Guimarães Holanda Matos Meireles Paiva Prado Quintela
native-american: Benally Nez Tso Tsinajinnie Chee Etsitty Manygoats Bitsui Yellowhair Bluehorse Redhouse Whitehorse Attakai Descheeny
Slowman Nakai Todacheeny Lente Lucero Chavarria Tafoya Naranjo Trujillo Sandoval Aragon Eagleheart Ironshell Yellowhawk Redcloud Blackbear Whiteface
Lookinghorse Bringsplenty Twobulls Littlethunder Janis Poorbear Richards Mesteth Tobacco Yellowboy Afraidofbear Goodshield Runsabove Blackelk Standingbear
Twohearts Lonehill Ghostbear Kills Twiss Brewer Hollowhorn Swifthawk Youngbear Walkingeagle Tallbull Wolfblack Whitebird Greycloud Crazybull Spottedelk
mexican-guatemalan-indigenous: Cuautle Tecpanécatl Tlatelpa Huitzil Cuahutle Tepale Coatl Ocelotl Tlapale Totolhua Zempoalteca Ayohua
Chimal Xochipa Tzompa Cuapio Quecholac Popoca Axotla Tochimani Yohualli Chan Pech Tun Uc Dzul Ku Cocom Cab Che Couoh Cauich Chi Balam
Chuc Puc Kantun Kuyoc Noh Pat Dzib Tzuc Yam Chablé Mukul Xool Ucan Tzotzil Sántiz Santiz Girón Patishtán Gómez Sántis Tuyuc Xiloj Quiej Coyoy
Tzul Sicajau Batz Cux Ixcoy Ajanel Chuc Xuc Cutz Tum Andres Domingo Francisco Gaspar Lucas Baltazar Velasquez Xitumul Caal Choc Coc
Tiul Pop Maquin Cholom Bol Xol Ical Cuc Macz Sacul Chub Tot Xo Tec Mo Cac Sub Asig Coj Cuxil Xicay Chavajay Sac Chiyal Tzunun Yaxon Ixtabalán Tobar
chinese-other: Chan Cheung Chow Chau Chiu Chu Fong Fung Hui Kwan Kwok Lai Lam Lau Law Lee Leung Li Lo Lui Mak Man Ng Poon Siu Tam Tang Tong Tsang Tse Tsui
Wan Wong Woo Yau Yeung Yip Yiu Yuen Hsieh Hsiao Chang Cheng Chiang Chien Chou Chuang Hsiung Hung Kao Ko Kuo Liao Lien Lu Pai Shih Su Tsai Tseng Tung Wei
Wu Yeh Yen Teo Tay Goh Ong Koh Lim Chua Ang Khoo Ooi Yap Quek Toh Sim Seah Phua Heng Low Loh Foo Hoo Chew Kee Gan Soh Leong Chin Zhang
Yang Huang Zhao Xu Sun Ma Zhu Hu Guo He Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye
Cheng Wei Su Lu Ding Ren Shen Yao Lu Jiang Cui Zhong Lu Fan Shi Liao Jia Xia Wei Fu Bai Zou Meng Qin Qiu Hou Jiang Yin Xue Yan Duan
Lei Long Li Shi Tao He Mao Hao Gu Gong Shao Wan Qin Wu Qian Dai Yan Mo Kong Xiang Chang Tang
vietnamese: Le Lê Pham Phạm Huynh Huỳnh Hoang Hoàng Phan Vu Vũ Vo Võ Dang Đặng Bui Bùi Do Đỗ Ngo Ngô Duong Dương Ly Lý Truong
Trương Dinh Đinh Lam Lâm Mai Luong Lương Trinh Trịnh Doan Đoàn Cao Ta Tạ Quach Quách Thai Thái Ton Tôn Kieu Kiều Chau Châu Luu Lưu Diep Diệp
hmong-lao-khmer-karen: Yang Lee Lor Thao Moua Her Hang Vue Cha Chang Khang Kong Chue Ly Pha Thor Yia Xyooj Vaj Tsab Lis Hawj Muas
Pao Nou Ntxhi Mai Youa Nhia Chia Teng Xee Kou Nou Blia Bee See Chong Neng Phong Shoua Zoua Keng Yeng Kia Souvannavong Phommachanh
Sayavong Vongphachanh Keomany Chanthavong Sisouphanh Souksavath Phetsavong Inthavong Khamphoui Sok Chea Chhay Chhim Heng Keo Khiev Kong Lim Mao Meas Nhem
Oum Pen Phan Prak Sam Seng Sok Som Sorn Srey Tep Touch Vann Yim Paw Htoo Htoo Say Naw Saw Eh Ku Moo Lah Hsa Tha Wah Blu Ler Gay Mu Nay Hser Hser Doh
`;
